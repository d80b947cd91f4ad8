import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../pipeline/heap.ts';

describe('collectGarbage', () => {
  it('frees what nothing refers to any more, each time it is called', () => {
    for (let round = 0; round < 2; round++) {
      let junk: { i: number; s: string }[] | null = Array.from({ length: 300_000 }, (_, i) => ({ i, s: `x${i}` }));
      expect(junk.length).toBe(300_000);
      junk = null;
      const before = process.memoryUsage().heapUsed;
      collectGarbage();
      expect(process.memoryUsage().heapUsed).toBeLessThan(before - 10 * 2 ** 20);
    }
  });
});

import { describe, expect, it } from 'vitest';
import { settleTogether } from '../../pipeline/settle-together.ts';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('phases run together', () => {
  it('stop together: the first failure reaches the others at their next checkpoint, and is the one thrown', async () => {
    const boom = new Error('classeur impossible');
    let charts = 0;
    let chartsEnded = false;
    const t0 = performance.now();
    const run = settleTogether([
      async (checkpoint) => {
        try {
          for (let i = 0; i < 5_000; i++) {
            checkpoint();
            charts++;
            await tick();
          }
        } finally {
          chartsEnded = true;
        }
      },
      async () => {
        await new Promise((r) => setTimeout(r, 20));
        throw boom;
      },
    ]);
    await expect(run).rejects.toBe(boom);
    // Settled only once the other job had stopped, long before its 5 000 steps.
    expect(chartsEnded).toBe(true);
    expect(charts).toBeLessThan(1_000);
    expect(performance.now() - t0).toBeLessThan(3_000);
  });

  it('resolve when every job succeeds', async () => {
    const done: string[] = [];
    await settleTogether([async () => void done.push('a'), async (c) => { c(); done.push('b'); }]);
    expect(done.sort()).toEqual(['a', 'b']);
  });

  it('tell onFailure at once, so that a job waiting on something else than a checkpoint is released', async () => {
    const boom = new Error('graphiques impossibles');
    let release: (e: unknown) => void = () => {};
    const blocked = new Promise((_, reject) => (release = reject));
    const seen: unknown[] = [];
    const run = settleTogether(
      [
        async () => {
          throw boom;
        },
        async () => {
          await blocked; // e.g. the workbooks waiting for charts
        },
      ],
      (e) => {
        seen.push(e);
        release(e);
      },
    );
    await expect(run).rejects.toBe(boom);
    expect(seen).toEqual([boom]);
  });
});

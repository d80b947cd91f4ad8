// The benchmark's outside view of a child: exit code, JSON events on stdout,
// and a peak memory that sees what the child really allocated.

import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runNodeChild } from '../../bench/child-run.ts';

const dir = mkdtempSync(join(tmpdir(), 'bench-child-'));
const script = join(dir, 'allocate.mjs');
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// Touches 96 MB so that the pages are resident, prints one event, waits a little.
writeFileSync(script, "const b = Buffer.alloc(96 * 1024 * 1024, 1); console.log(JSON.stringify({ event: 'phase', phase: 'x', duree_ms: b.length > 0 ? 1 : 0 })); setTimeout(() => {}, 300);\n");

describe.each([
  ['gnu-time' as const, existsSync('/usr/bin/time')],
  ['proc' as const, existsSync('/proc/self/status')],
])('runNodeChild, memory read by %s', (memory, available) => {
  it.skipIf(!available)('reports exit code, events and a peak RSS above what the child allocated', async () => {
    const run = await runNodeChild(script, [], { cwd: dir, memory });
    expect(run.code).toBe(0);
    expect(run.events).toEqual([{ event: 'phase', phase: 'x', duree_ms: 1 }]);
    expect(run.peakRssKb).toBeGreaterThan(96 * 1024);
    expect(run.wallMs).toBeGreaterThan(300);
  });
});

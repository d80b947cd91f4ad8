// A phase that writes in parallel and fails half-way: its other writes must
// not recreate the staging folder after the run has removed it.

import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import type { OutputPhase } from '../../pipeline/phases/phase.ts';
import { tempRoot } from './fixture-runs.ts';

const parallelPhase: OutputPhase = {
  name: 'parallele',
  formats: ['csv'],
  async run(_model, out) {
    const jobs = Array.from({ length: 12 }, async (_, i) => {
      await new Promise((r) => setTimeout(r, i * 15));
      if (i === 2) throw new Error('échec au troisième fichier');
      await out.write(`lots/${i}/fichier.txt`, String(i));
    });
    await Promise.all(jobs);
    return { count: 12 };
  },
};

vi.mock('../../pipeline/phases/index.ts', () => ({ PHASES: [parallelPhase] }));

describe('runCommand with a phase that fails while other writes are in flight', () => {
  it('removes the staging folder for good and releases the lock', async () => {
    const { runCommand } = await import('../../pipeline/run.ts');
    const { parseArgs } = await import('../../pipeline/args.ts');
    const { createLogger } = await import('../../pipeline/log.ts');
    const root = tempRoot();
    const out = path.join(root, 'reports');
    const opts = parseArgs(['run', '--out', out, '--quiet']);
    const fx = { log: createLogger({ mode: 'texte', quiet: true, stderr: () => {} }), now: () => new Date(0), clock: () => performance.now(), toolVersion: 'test', checkpoint: () => {} };
    await expect(runCommand(opts, fx)).rejects.toThrow('échec au troisième fichier');
    await new Promise((r) => setTimeout(r, 300)); // every job would have written by now
    expect(readdirSync(root)).toEqual([]);
  });
});

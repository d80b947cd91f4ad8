// How far a long phase is, on a terminal (under a pseudo-terminal made by
// util-linux `script`) and in the --log json events: the plan's total, the
// percentage and the time left.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPO } from '../helpers/bundled.ts';
import { jsonEvents, runCli } from '../helpers/cli.ts';

const SCRIPT = '/usr/bin/script';
const run = promisify(execFile);
const PROGRESS = /^graphiques : (\d+) \/ (\d+) \((\d+) %\)(?:, reste ≈ (\d+) s)?$/;

describe('progress of a phase', () => {
  it.skipIf(!existsSync(SCRIPT))('on a terminal: « graphiques : n / total (p %), reste ≈ s », from the chart plan', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'quartiers-progress-')), 'reports');
    const command = `node ${path.join(REPO, 'bin/quartiers.js')} run --out ${out} --formats csv,svg`;
    // A pause at every file written, so that the line (redrawn at most every 100 ms) is drawn many times.
    const { stdout } = await run(SCRIPT, ['-qec', command, '/dev/null'], {
      cwd: REPO, env: { ...process.env, CI: '', TERM: 'xterm', QUARTIERS_TEST_DELAY_MS: '150' }, timeout: 120_000,
    });
    const lines = stdout.split(/\r|\n|\x1b\[2K/).map((l) => l.trim()).filter(Boolean);
    const drawn = lines.map((l) => PROGRESS.exec(l)).filter((m): m is RegExpExecArray => m !== null);
    expect(drawn.length).toBeGreaterThan(3);
    // Bundled sources: 10 charts, each a .vl.json and an .svg.
    for (const m of drawn) {
      const [done, total, percent] = [Number(m[1]), Number(m[2]), Number(m[3])];
      expect(total).toBe(20);
      expect(percent).toBe(Math.floor((done / total) * 100));
    }
    expect(drawn.some((m) => m[4] !== undefined)).toBe(true);
    expect(lines.some((l) => /^✓ graphiques : 20 fichiers/.test(l))).toBe(true);
  }, 150_000);

  it('--log json carries the same figures, every tenth of the way', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'quartiers-progress-')), 'reports');
    const r = await runCli(['run', '--out', out, '--formats', 'csv,svg', '--log', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const events = jsonEvents(r.stdout).filter((e) => e.event === 'progression' && e.phase === 'graphiques');
    expect(events.length).toBeGreaterThanOrEqual(10);
    for (const e of events) {
      expect(e.total).toBe(20);
      expect(e.pourcentage).toBe(Math.floor(((e.fichiers as number) / 20) * 100));
      expect(e.reste_s === null || typeof e.reste_s === 'number').toBe(true);
    }
    const tenths = events.map((e) => Math.floor((e.pourcentage as number) / 10));
    expect(new Set(tenths).size).toBe(tenths.length);
    expect(events.at(-1)).toMatchObject({ fichiers: 20, pourcentage: 100, reste_s: 0 });
  }, 120_000);
});

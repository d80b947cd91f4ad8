// SIGKILL at the moments of a run that differ (before the staging folder is
// published, at each step of the publication): the output folder always holds the previous
// complete run or the new one, verified file by file against its manifest,
// and the next run removes what the killed one left.

import { existsSync, lstatSync, mkdirSync, cpSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { jsonEvents, runCli } from '../helpers/cli.ts';
import { verifyFolder } from '../../pipeline/manifest.ts';
import { msg } from '../../lib/messages/index.ts';
import { copySources, siblings, tempRoot } from './fixture-runs.ts';

const LIMIT = { timeoutMs: 60_000 };

async function fingerprintOf(out: string): Promise<string> {
  const { manifest, problems } = await verifyFolder(out);
  expect(problems, `${out} against its manifest`).toEqual([]);
  expect(manifest).not.toBeNull();
  return manifest!.empreinte_entrees;
}

describe('a run killed with SIGKILL', () => {
  const root = tempRoot();
  const before = copySources(root, 'sources-avant');
  const after = copySources(root, 'sources-apres', true);
  const out = path.join(root, 'pub', 'reports');
  let oldPrint = '';
  let newPrint = '';
  let moments: string[] = [];

  beforeAll(async () => {
    // The new run once, elsewhere, to learn its phases and fingerprint.
    const probe = await runCli(['run', '--sources', after, '--out', path.join(root, 'probe', 'reports'), '--log', 'json'], LIMIT);
    expect(probe.code, probe.stderr).toBe(0);
    newPrint = await fingerprintOf(path.join(root, 'probe', 'reports'));
    // Every moment before the publication proves the same (the staging folder is never seen): one
    // at the lock, one inside the longest phase (the charts, drawn while the workbooks are built),
    // one after the manifest; then each step of the publication itself.
    const phases = jsonEvents(probe.stdout).filter((e) => e.event === 'phase' && Array.isArray(e.sorties)) as unknown as { phase: string; sorties: string[] }[];
    const longest = phases.reduce((a, b) => (b.sorties.length > a.sorties.length ? b : a));
    moments = ['verrou', `fichier:${longest.phase}:${Math.ceil(longest.sorties.length / 2)}`, 'manifeste', 'publication:version', 'publication:lien', 'publication:bascule'];
    const first = await runCli(['run', '--sources', before, '--out', out], LIMIT);
    expect(first.code, first.stderr).toBe(0);
    oldPrint = await fingerprintOf(out);
    expect(newPrint).not.toBe(oldPrint);
  }, 120_000);

  it('at the lock, inside the longest phase, after the manifest and at each step of the publication leaves the previous complete run or the new one, never a mix', async () => {
    for (const moment of moments) {
      const r = await runCli(['run', '--sources', after, '--out', out], { ...LIMIT, env: { QUARTIERS_TEST_KILL_AT: moment } });
      expect(r.signal, `${moment}: ${r.stderr}`).toBe('SIGKILL');
      const print = await fingerprintOf(out);
      // Until the link is renamed, readers see the previous run; from then on, the new one.
      expect(print, moment).toBe(moment === 'publication:bascule' ? newPrint : oldPrint);
      if (print === newPrint) {
        const back = await runCli(['run', '--sources', before, '--out', out], LIMIT);
        expect(back.code, back.stderr).toBe(0);
        expect(await fingerprintOf(out)).toBe(oldPrint);
      }
    }
    // The next run cleans what the killed ones left: the published version, the one it replaced (kept until the next run), nothing else.
    const clean = await runCli(['run', '--sources', after, '--out', out], LIMIT);
    expect(clean.code, clean.stderr).toBe(0);
    expect(await fingerprintOf(out)).toBe(newPrint);
    const left = siblings(out).sort();
    expect(left).toHaveLength(2);
    for (const name of left) expect(name).toMatch(/^\.reports\.v-/);
    expect(left).toContain(readlinkSync(out));
  }, 300_000);

  it('during the one-time conversion of a plain folder, the next run restores the link', async () => {
    const out2 = path.join(root, 'plain', 'reports');
    mkdirSync(path.dirname(out2), { recursive: true });
    cpSync(out, out2, { recursive: true, dereference: true }); // a plain folder, as older versions published
    expect(lstatSync(out2).isDirectory()).toBe(true);
    const r = await runCli(['run', '--sources', before, '--out', out2], { ...LIMIT, env: { QUARTIERS_TEST_KILL_AT: 'publication:conversion' } });
    expect(r.signal).toBe('SIGKILL');
    // The documented moment: the plain folder has been moved aside, the link not yet made.
    expect(existsSync(out2)).toBe(false);
    const next = await runCli(['verifier', '--out', out2], LIMIT);
    expect(next.code).toBe(1);
    const again = await runCli(['run', '--sources', before, '--out', out2, '--if-changed'], LIMIT);
    expect(again.code, again.stderr).toBe(0);
    // Relinked to a complete version left beside it, so nothing to redo.
    const [before2, after2] = msg.outputRestored(out2, '\u0000').split('\u0000');
    expect(again.stderr).toContain(before2! + '.reports.v-');
    expect(again.stderr).toContain(after2!);
    expect(again.stderr).toContain(msg.unchanged(out2));
    expect(lstatSync(out2).isSymbolicLink()).toBe(true);
    expect(await fingerprintOf(out2)).toBe(oldPrint);
    expect(siblings(out2)).toHaveLength(1);
  }, 120_000);
});

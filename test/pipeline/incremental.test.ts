// Incremental runs: a run takes from the previous publication every file
// whose key did not change, and publishes the same bytes as `--tout-refaire`
// from the same previous publication. A damaged or missing previous file is
// rendered again.

import { readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonEvents, runCli } from '../helpers/cli.ts';
import { verifyFolder } from '../../pipeline/manifest.ts';
import { msg } from '../../lib/messages/index.ts';
import { copySources, tempRoot } from './fixture-runs.ts';

const root = tempRoot();
afterAll(() => rmSync(root, { recursive: true, force: true }));
const OPTIONS = { env: { SOURCE_DATE_EPOCH: '1767225600' }, timeoutMs: 120_000 };
const before = copySources(root, 'avant');
const after = copySources(root, 'apres', true);

async function run(sources: string, out: string, ...extra: string[]) {
  return runAt(OPTIONS.env.SOURCE_DATE_EPOCH, sources, out, ...extra);
}

async function runAt(epoch: string, sources: string, out: string, ...extra: string[]) {
  const r = await runCli(['run', '--sources', sources, '--out', out, '--log', 'json', ...extra], { ...OPTIONS, env: { SOURCE_DATE_EPOCH: epoch } });
  expect(r.code, r.stderr).toBe(0);
  const events = jsonEvents(r.stdout);
  const phases = events.filter((e) => e.event === 'phase' && typeof e.reutilises === 'number');
  // The summary counts what was taken, as the phases do.
  const end = events.find((e) => e.event === 'fin')!;
  const reused = phases.reduce((n, e) => n + (e.reutilises as number), 0);
  expect(end.reutilises).toBe(reused);
  // (up to the duration, rounded differently in the event)
  const upToDuration = (text: string) => text.slice(0, text.indexOf(` dans ${out} en `));
  expect(upToDuration(end.message as string)).toBe(upToDuration(msg.summary(end.quartiers as number, end.valeurs as number, end.fichiers as number, out, 0, 0, reused)));
  return new Map(phases.map((e) => [e.phase as string, { files: e.fichiers as number, reused: e.reutilises as number }]));
}

const manifest = (out: string) => readFileSync(path.join(out, 'manifest.json'), 'utf8');

describe('quartiers run from a previous publication', () => {
  const incremental = path.join(root, 'incremental');
  const full = path.join(root, 'complet');

  it('reuses what did not change and publishes the same bytes as --tout-refaire', async () => {
    await Promise.all([run(before, incremental), run(before, full)]);
    expect(manifest(incremental)).toBe(manifest(full));
    const [inc] = await Promise.all([run(after, incremental), run(after, full, '--tout-refaire')]);
    expect(manifest(incremental)).toBe(manifest(full));
    expect((await verifyFolder(incremental)).problems).toEqual([]);
    expect((await verifyFolder(full)).problems).toEqual([]);
    // The changed figure is a QIC's: its charts and workbooks are made again, the other quartier's are taken.
    const charts = inc.get('graphiques')!;
    expect(charts.reused).toBeGreaterThan(0);
    expect(charts.reused).toBeLessThan(charts.files * (2 / 3));
    expect(inc.get('classeurs')!.reused).toBeLessThan(inc.get('classeurs')!.files);
    // The other quartier's page is taken; the changed quartier's and the index are written again.
    expect(inc.get('html')!.reused).toBeGreaterThan(0);
    const m = JSON.parse(manifest(incremental)) as { sorties: { fichier: string; cle?: string }[] };
    expect(m.sorties.filter((s) => s.fichier.endsWith('.png')).every((s) => typeof s.cle === 'string')).toBe(true);
  }, 180_000);

  it('on another day with the same sources, takes every page but the index: the run date is on the index only', async () => {
    const out = path.join(root, 'jour-suivant');
    await runAt('1767225600', before, out);
    await runAt('1767225600', before, out); // the first publication with a previous one adds « Ce qui a changé »
    const hashes = () => new Map((JSON.parse(manifest(out)) as { sorties: { fichier: string; sha256: string }[] }).sorties.map((f) => [f.fichier, f.sha256]));
    const sameDay = hashes();
    const nextDay = await runAt('1767312000', before, out);
    const changed = [...hashes()].filter(([f, h]) => sameDay.get(f) !== h).map(([f]) => f);
    expect(changed).toEqual(['index.html']);
    // The quartier pages are taken from the previous publication, not drawn again.
    expect(nextDay.get('html')!.reused).toBeGreaterThanOrEqual(2);
    expect(nextDay.get('classeurs')!.reused).toBe(nextDay.get('classeurs')!.files);
  }, 180_000);

  it('renders again a previous file that was damaged or removed, without an error', async () => {
    const m = JSON.parse(manifest(incremental)) as { sorties: { fichier: string; cle?: string }[] };
    const keyed = m.sorties.filter((s) => s.cle).map((s) => s.fichier);
    const damaged = keyed.find((f) => f.endsWith('.png'))!;
    const removed = keyed.find((f) => f.endsWith('.xlsx'))!;
    writeFileSync(path.join(incremental, damaged), 'abîmé');
    rmSync(path.join(incremental, removed));
    const phases = await run(after, incremental);
    expect(manifest(incremental)).toBe(manifest(full));
    expect((await verifyFolder(incremental)).problems).toEqual([]);
    expect(statSync(path.join(incremental, damaged)).size).toBeGreaterThan(1000);
    // Everything else was taken from the previous publication.
    expect(phases.get('graphiques')!.reused).toBe(phases.get('graphiques')!.files * (2 / 3) - 1);
    expect(phases.get('classeurs')!.reused).toBe(phases.get('classeurs')!.files - 1);
  }, 180_000);
});

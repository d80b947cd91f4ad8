// The tool deletes only what it wrote: a file its manifest lists with the
// same sha256. A user's files in the output folder, an edited report, a
// copied manifest.json: the run is refused with exit 2 naming them, and
// nothing is touched. The tool never reads its own output either.

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { msg } from '../../lib/messages/index.ts';
import { BUNDLED_SOURCES } from '../helpers/bundled.ts';
import { siblings, tempRoot } from './fixture-runs.ts';

const LIMIT = { timeoutMs: 60_000 };
const LIGHT = ['--formats', 'csv,md'];

/** Every file under `dir` with its bytes, following links (what a reader of the folder sees). */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files[path.relative(dir, path.join(e.parentPath, e.name))] = readFileSync(path.join(e.parentPath, e.name)).toString('base64');
  }
  return files;
}

async function publish(out: string): Promise<void> {
  const r = await runCli(['run', '--sources', BUNDLED_SOURCES, '--out', out, ...LIGHT], LIMIT);
  expect(r.code, r.stderr).toBe(0);
}

async function expectRefused(out: string, found: string[]): Promise<void> {
  const before = snapshot(out);
  const beside = siblings(out);
  const r = await runCli(['run', '--sources', BUNDLED_SOURCES, '--out', out, ...LIGHT], LIMIT);
  expect(r.code, r.stderr).toBe(2);
  expect(r.stderr).toContain(msg.outHoldsForeignFiles(out, found));
  expect(snapshot(out)).toEqual(before);
  expect(siblings(out)).toEqual(beside);
}

describe('a publication never deletes what the tool did not write', () => {
  it('a plain folder holding an earlier publication and the user’s own files is refused, every file kept', async () => {
    const root = tempRoot();
    const published = path.join(root, 'publie');
    await publish(published);
    const out = path.join(root, 'reports');
    cpSync(published, out, { recursive: true, dereference: true });
    writeFileSync(path.join(out, 'notes.txt'), 'à garder');
    mkdirSync(path.join(out, 'archives'));
    writeFileSync(path.join(out, 'archives', '2023.zip'), 'PK');
    await expectRefused(out, ['archives/2023.zip', 'notes.txt']);
  });

  it('a copied manifest.json proves nothing about the files it does not list', async () => {
    const root = tempRoot();
    const published = path.join(root, 'publie');
    await publish(published);
    const out = path.join(root, 'mes-documents');
    mkdirSync(out);
    cpSync(path.join(published, 'manifest.json'), path.join(out, 'manifest.json'));
    writeFileSync(path.join(out, 'budget.xlsx'), 'mes chiffres');
    // Named like a published file, not its bytes.
    writeFileSync(path.join(out, 'indicateurs.csv'), 'ma version');
    await expectRefused(out, ['budget.xlsx', 'indicateurs.csv']);
  });

  it('a file added to the published folder stops the next run before it replaces it', async () => {
    const root = tempRoot();
    const out = path.join(root, 'reports');
    await publish(out);
    writeFileSync(path.join(out, 'portraits', 'mes-notes.md'), 'notes');
    await expectRefused(out, ['portraits/mes-notes.md']);
  });

  it('a published file edited in place is published again, and the version holding the edit is kept aside, never removed', async () => {
    const root = tempRoot();
    const out = path.join(root, 'reports');
    await publish(out);
    const portrait = path.join(out, 'portraits', 'QN06205M.md');
    const annotated = readFileSync(portrait, 'utf8') + '\nAnnoté en comité.\n';
    writeFileSync(portrait, annotated);
    const first = await runCli(['run', '--sources', BUNDLED_SOURCES, '--out', out, ...LIGHT], LIMIT);
    expect(first.code, first.stderr).toBe(0);
    expect(readFileSync(portrait, 'utf8')).not.toContain('Annoté');
    // Removed at the run after the replacement, when the replaced version's bytes are compared.
    for (let i = 0; i < 2; i++) {
      const next = await runCli(['run', '--sources', BUNDLED_SOURCES, '--out', out, ...LIGHT], LIMIT);
      expect(next.code, next.stderr).toBe(0);
      const kept = siblings(out).filter((n) => n !== readlinkSync(out) && existsSync(path.join(root, n, 'portraits', 'QN06205M.md')) && readFileSync(path.join(root, n, 'portraits', 'QN06205M.md'), 'utf8') === annotated);
      expect(kept, next.stderr).toHaveLength(1);
      expect(next.stderr).toContain(msg.leftoverKept(kept[0]!, ['portraits/QN06205M.md']));
    }
  });

  it('--out equal to, inside or around --sources is refused at once, before reading anything', async () => {
    const root = tempRoot();
    const sources = path.join(root, 'sources');
    cpSync(BUNDLED_SOURCES, sources, { recursive: true });
    const before = snapshot(root);
    for (const [out, src, message] of [
      [sources, sources, msg.outInsideSources(sources, sources)],
      [path.join(sources, 'rapports'), sources, msg.outInsideSources(path.join(sources, 'rapports'), sources)],
      [root, sources, msg.sourcesInsideOut(root, sources)],
    ] as const) {
      const r = await runCli(['run', '--sources', src, '--out', out, ...LIGHT], LIMIT);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(message);
    }
    // Through a link too.
    symlinkSync(sources, path.join(root, 'lien'));
    const r = await runCli(['run', '--sources', sources, '--out', path.join(root, 'lien', 'x', 'reports'), ...LIGHT], LIMIT);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg.outInsideSources(path.join(root, 'lien', 'x', 'reports'), sources));
    expect(snapshot(root)).toEqual(before);
  });
});

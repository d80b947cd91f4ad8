// Reuse of a previous publication's file: taken only when its key and its
// bytes are those its manifest gives, and then as the very same file (a hard
// link); anything else (damaged, missing, a link or a pipe in its place)
// leaves nothing at the target, and the run renders the file again.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileEntry, sealOf, untouchedSinceSeal } from '../../pipeline/manifest.ts';
import { openPreviousPublication } from '../../pipeline/previous-publication.ts';
import { tempRoot } from './fixture-runs.ts';

const BYTES = Buffer.from('un graphique publié');

/** A published folder with a.png and b.png under key `k`, and a staging folder beside it. */
function published() {
  const root = tempRoot();
  const out = path.join(root, 'reports');
  mkdirSync(out);
  for (const f of ['a.png', 'b.png']) writeFileSync(path.join(out, f), BYTES);
  const sorties = ['a.png', 'b.png'].map((f) => ({ ...fileEntry(f, BYTES), cle: 'k' }));
  writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ entrees: [], sorties }));
  mkdirSync(path.join(root, 'staging'));
  return { out, target: path.join(root, 'staging', 'a.png') };
}

describe('reusing a file of the previous publication', () => {
  it('links the intact file under its key, and gives its sha256 and size', async () => {
    const { out, target } = published();
    const previous = (await openPreviousPublication(out))!;
    expect(await previous.reuse('a.png', 'k', target)).toEqual({ sha256: fileEntry('a.png', BYTES).sha256, bytes: BYTES.length });
    expect(statSync(target).ino).toBe(statSync(path.join(out, 'a.png')).ino);
    expect(await previous.reuse('a.png', 'autre clé', `${target}.2`)).toBeNull();
    expect(existsSync(`${target}.2`)).toBe(false);
  });

  it('takes nothing when the file was damaged, removed, or replaced by a link or a pipe', async () => {
    for (const [name, change] of [
      ['damaged, same size', (f: string) => writeFileSync(f, Buffer.from(BYTES).fill(0x41, 0, 3))],
      ['removed', (f: string) => rmSync(f)],
      ['a link to a file with the same bytes', (f: string) => (rmSync(f), symlinkSync(path.join(path.dirname(f), 'b.png'), f))],
      ['a pipe', (f: string) => (rmSync(f), spawnSync('mkfifo', [f]))],
    ] as const) {
      const { out, target } = published();
      change(path.join(out, 'a.png'));
      const previous = (await openPreviousPublication(out))!;
      expect(await previous.reuse('a.png', 'k', target), name).toBeNull();
      expect(existsSync(target), name).toBe(false);
      // The other file is still taken.
      expect(await previous.reuse('b.png', 'k', path.join(path.dirname(target), 'b.png')), name).not.toBeNull();
      expect(readFileSync(path.join(path.dirname(target), 'b.png')), name).toEqual(BYTES);
    }
  });

  it('trusts a file dated before its version was sealed without reading it; one written since is read', async () => {
    const { out, target } = published();
    const hourAgo = new Date(Date.now() - 3_600_000);
    const a = path.join(out, 'a.png');
    // Same size, other bytes, dated back before the seal (the manifest's date): taken on its date, as the rule says.
    writeFileSync(a, Buffer.from(BYTES).fill(0x41, 0, 3));
    utimesSync(a, hourAgo, hourAgo);
    const previous = (await openPreviousPublication(out))!;
    expect(await previous.reuse('a.png', 'k', target)).toEqual({ sha256: fileEntry('a.png', BYTES).sha256, bytes: BYTES.length });
    // Written after the seal (any edit is): read, found damaged, not taken.
    const b = path.join(out, 'b.png');
    writeFileSync(b, Buffer.from(BYTES).fill(0x41, 0, 3));
    utimesSync(b, new Date(Date.now() + 60_000), new Date(Date.now() + 60_000));
    expect(await previous.reuse('b.png', 'k', `${target}.b`)).toBeNull();
  });

  it('untouchedSinceSeal: a regular file of the size the manifest gives, strictly older than the manifest', () => {
    const { out } = published();
    const a = path.join(out, 'a.png');
    const seal = sealOf(out);
    expect(seal).not.toBeNull();
    const at = (d: Date) => utimesSync(a, d, d);
    at(new Date(Date.now() - 3_600_000));
    expect(untouchedSinceSeal(a, BYTES.length, seal)).toBe(true);
    expect(untouchedSinceSeal(a, BYTES.length + 1, seal)).toBe(false);
    expect(untouchedSinceSeal(a, BYTES.length, null)).toBe(false);
    at(new Date(Number(seal! / 1_000_000n) + 1)); // just after the seal
    expect(untouchedSinceSeal(a, BYTES.length, seal)).toBe(false);
    const link = path.join(out, 'lien.png');
    symlinkSync(a, link);
    expect(untouchedSinceSeal(link, BYTES.length, seal)).toBe(false);
    expect(sealOf(path.join(out, 'absent'))).toBeNull();
  });
});

// What the tool may delete. A published folder is the tool's only file by
// file: each one listed in its manifest.json with the same sha256 (a
// manifest.json is a file anyone can copy: it proves nothing about the files
// it does not list, or lists with other bytes). A staging folder is the
// tool's through its write journal, which names each file before it is
// written (the file being written when a run was killed has no hash yet).
// Anything else found in a folder — a user's notes, an edited portrait, a
// link — keeps the whole folder where it is. A run refuses to start when the
// published folder holds files its manifest does not name (they would vanish
// from the user's view); a published file whose bytes changed (edited,
// damaged) is rendered again and the replaced version kept aside.
// A file of a replaced version that is the very same file (same device and
// inode: a hard link made when the next run reused it) as the published
// version's file at the same path is not read: removing that name loses no
// byte, they stay published. Only the files the next run made again are
// compared byte for byte (a national publication is 4 GB, read twice before).

import { closeSync, promises as fs, lstatSync, openSync, writeSync } from 'node:fs';
import path from 'node:path';
import { MANIFEST, fileSha256, listEntries, readManifest, sealOf, untouchedSinceSeal } from './manifest.ts';

/** The write journal of a staging folder: one relative path a line, appended before each write. */
export const JOURNAL = '.quartiers-ecritures';

export interface WriteJournal {
  /** Names a file (relative path with `/`) before it is written. */
  note(relativePath: string): void;
  /** Closes the journal (again: nothing). */
  close(): void;
}

/**
 * The write journal of the staging folder `dir`, kept open for the run: one
 * synchronous append a file, so the name is on disk before the write begins
 * (an open and a close for each of a national run's 25 000 files cost seconds).
 */
export function openWriteJournal(dir: string): WriteJournal {
  let fd: number | null = openSync(path.join(dir, JOURNAL), 'a');
  return {
    note(relativePath) {
      if (fd === null) throw new Error(`journal des écritures fermé : ${relativePath}`);
      writeSync(fd, `${relativePath}\n`);
    },
    close() {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}

/** Files under `dir` that its manifest (or journal) does not name at all: another's, whatever their bytes. Relative paths with `/`, sorted. */
export async function unlistedFiles(dir: string): Promise<string[]> {
  return (await examine(dir, false)).sort();
}

/**
 * Files under `dir` not proven to be the tool's: unnamed, or named with other
 * bytes (sha256 compared, except for a file that is also `published`'s file
 * at the same path).
 */
export async function foreignFiles(dir: string, published?: string): Promise<string[]> {
  return (await examine(dir, true, published)).sort();
}

/** Whether `a` and `b` are one regular file under two names (the inode compared in full: no rounding to a double). */
export function sameFile(a: string, b: string): boolean {
  const sa = lstatSync(a, { bigint: true, throwIfNoEntry: false });
  const sb = lstatSync(b, { bigint: true, throwIfNoEntry: false });
  return !!sa && !!sb && sa.isFile() && sb.isFile() && sa.dev === sb.dev && sa.ino === sb.ino;
}

async function examine(dir: string, compareBytes: boolean, published?: string): Promise<string[]> {
  const manifest = await readManifest(dir);
  const listed = new Map((manifest?.sorties ?? []).map((s) => [s.fichier, s]));
  const journal = await readJournal(dir);
  // A file not modified since its version was sealed is the one the manifest hashed: not read again.
  const seal = compareBytes && manifest ? sealOf(dir) : null;
  const foreign: string[] = [];
  for (const f of await listEntries(dir)) {
    if (!f.file) {
      foreign.push(f.rel);
      continue;
    }
    if ((f.rel === MANIFEST && manifest) || journal.has(f.rel) || (f.rel === JOURNAL && journal.size)) continue;
    if (f.rel === '.gitkeep' && f.size === 0) continue; // an empty placeholder: nothing to lose
    const entry = listed.get(f.rel);
    if (!entry) foreign.push(f.rel);
    else if (compareBytes) {
      const file = path.join(dir, f.rel);
      if (untouchedSinceSeal(file, entry.octets, seal)) continue;
      if (published !== undefined && sameFile(file, path.join(published, f.rel))) continue;
      if (!(await sameBytes(file, f.size, entry))) foreign.push(f.rel);
    }
  }
  return foreign;
}

/**
 * Removes `dir` when every file in it is the tool's (sha256 compared, or the
 * same file as `published`'s at that path); otherwise leaves it whole and
 * returns the files that kept it.
 */
export async function removeOwned(dir: string, published?: string): Promise<string[]> {
  const st = await fs.lstat(dir).catch(() => null);
  if (!st) return [];
  if (!st.isDirectory()) return [path.basename(dir)];
  const foreign = await foreignFiles(dir, published);
  if (foreign.length === 0) await fs.rm(dir, { recursive: true, force: true });
  return foreign;
}

async function readJournal(dir: string): Promise<Set<string>> {
  const text = await fs.readFile(path.join(dir, JOURNAL), 'utf8').catch(() => '');
  return new Set(text.split('\n').filter((l) => l !== ''));
}

async function sameBytes(file: string, size: number, entry: { octets: number; sha256: string }): Promise<boolean> {
  return entry.octets === size && (await fileSha256(file))?.sha256 === entry.sha256;
}

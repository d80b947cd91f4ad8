// The previous complete publication as a cache. Each published file records
// in manifest.json a key of what it was made from (`cle`: its inputs and the
// build that renders them, see fileKey). A run that is about to render a file
// whose key is unchanged takes the previous file instead, by hard link (or a
// copy where a link cannot be made). The previous file must still have the
// sha256 its manifest gives (read and hashed, unless the file is dated
// before its version's seal, see untouchedSinceSeal): a damaged or missing
// file is rendered again, never an error. Reuse never changes a byte:
// `--tout-refaire` publishes the same files.

import { createHash } from 'node:crypto';
import { constants as fsConstants, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileSha256, readManifest, sealOf, untouchedSinceSeal } from './manifest.ts';

/** The key a manifest records for a file: the build that renders it and what it was made from. */
export function fileKey(build: string, madeFrom: string | Uint8Array): string {
  return createHash('sha256').update(`${build}\n`).update(madeFrom).digest('hex');
}

export interface PreviousPublication {
  /**
   * Puts the previous version of `relativePath` at `target` when the
   * manifest gave it `key` and its bytes are intact; null otherwise
   * (nothing was written then).
   */
  reuse(relativePath: string, key: string, target: string): Promise<{ sha256: string; bytes: number } | null>;
}

/** The publication at `out` (through its link), or null when there is none with keys. */
export async function openPreviousPublication(out: string): Promise<PreviousPublication | null> {
  const manifest = await readManifest(out);
  if (!manifest) return null;
  // The version folder itself: the output link moves when this run publishes.
  const dir = await fs.realpath(out).catch(() => null);
  if (!dir) return null;
  const entries = new Map<string, { sha256: string; octets: number; cle: string }>();
  for (const s of manifest.sorties) if (typeof s.cle === 'string') entries.set(s.fichier, { sha256: s.sha256, octets: s.octets, cle: s.cle });
  if (entries.size === 0) return null;
  const seal = sealOf(dir);
  return {
    async reuse(relativePath, key, target) {
      const entry = entries.get(relativePath);
      if (!entry || entry.cle !== key) return null;
      // Placed first, then read where it was placed: the bytes published are the bytes checked.
      if (!(await place(path.join(dir, relativePath), target))) return null;
      // A link to a file untouched since the previous version was sealed: the bytes its manifest hashed (a copy is dated now, and read).
      if (untouchedSinceSeal(target, entry.octets, seal)) return { sha256: entry.sha256, bytes: entry.octets };
      const read = await fileSha256(target);
      if (read && read.bytes === entry.octets && read.sha256 === entry.sha256) return read;
      await fs.rm(target, { force: true });
      return null;
    },
  };
}

/** A hard link to `source` at `target`, or a copy where a link cannot be made; false when `source` cannot be read. */
async function place(source: string, target: string): Promise<boolean> {
  try {
    await fs.link(source, target);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return false;
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') {
      // Once: whatever holds the name is removed, never written through.
      await fs.rm(target, { force: true });
      return fs.link(source, target).then(() => true, () => false);
    }
  }
  // Another file system, or one without hard links: a regular file's bytes only (a copy would follow a link).
  if (!(await fs.lstat(source).catch(() => null))?.isFile()) return false;
  return fs.copyFile(source, target, fsConstants.COPYFILE_EXCL).then(() => true, () => false);
}

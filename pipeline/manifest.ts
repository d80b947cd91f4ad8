// manifest.json: every input and output with its sha256, the options and the
// tool's version; `--if-changed` compares against it and `quartiers
// verifier` checks a published folder against it.

import { createHash } from 'node:crypto';
import { constants as fsConstants, promises as fs, lstatSync, statSync } from 'node:fs';
import path from 'node:path';

export interface FileEntry {
  fichier: string;
  sha256: string;
  octets: number;
  /** Outputs only: a key of what the file was made from, for the next run to reuse it (see previous-publication.ts). */
  cle?: string;
}

export interface Manifest {
  outil: { nom: string; version: string };
  genere_le: string;
  /** The report's year (`--annee` or the latest in the sources). */
  annee: number;
  empreinte_entrees: string;
  options: Record<string, unknown>;
  /** Every file read under the sources folder, recognised or not. */
  entrees: FileEntry[];
  /** Every file published, except manifest.json itself. */
  sorties: FileEntry[];
}

export const MANIFEST = 'manifest.json';

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Read buffers of fileSha256, kept between files: a national publication reads 25 000 files, 4 GB. */
const spareBuffers: Buffer[] = [];
const READ_CHUNK = 1 << 20;

/**
 * The sha256 and size of a regular file, read piece by piece; null when it
 * is missing, unreadable or not a regular file (a symbolic link is not followed).
 */
export async function fileSha256(file: string): Promise<{ sha256: string; bytes: number } | null> {
  // Without waiting for a writer if it is a pipe: it is refused once opened.
  const handle = await fs.open(file, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0) | (fsConstants.O_NONBLOCK ?? 0)).catch(() => null);
  if (!handle) return null;
  const buffer = spareBuffers.pop() ?? Buffer.allocUnsafe(READ_CHUNK);
  try {
    if (!(await handle.stat()).isFile()) return null;
    const hash = createHash('sha256');
    let bytes = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      bytes += bytesRead;
    }
    return { sha256: hash.digest('hex'), bytes };
  } catch {
    return null;
  } finally {
    spareBuffers.push(buffer);
    await handle.close();
  }
}

/**
 * When a version was sealed: the modification time (ns) of its manifest.json,
 * written after every other file of the run. null without one.
 */
export function sealOf(dir: string): bigint | null {
  const st = lstatSync(path.join(dir, MANIFEST), { bigint: true, throwIfNoEntry: false });
  return st?.isFile() ? st.mtimeNs : null;
}

/**
 * Whether `file` is still the file a sealed version wrote: a regular file of
 * the size its manifest gives, not modified since the seal. Editing a file
 * (or writing into it through any of its names) moves its date past the seal;
 * it is then read and hashed as before. Strictly before the seal: a file
 * dated the seal's clock tick is read. `quartiers verifier` always reads.
 */
export function untouchedSinceSeal(file: string, octets: number, seal: bigint | null): boolean {
  if (seal === null) return false;
  const st = lstatSync(file, { bigint: true, throwIfNoEntry: false });
  return !!st && st.isFile() && st.size === BigInt(octets) && st.mtimeNs < seal;
}

export function fileEntry(fichier: string, bytes: Uint8Array): FileEntry {
  return { fichier, sha256: sha256(bytes), octets: bytes.length };
}

/** One hash of what decides the outputs: inputs, options, tool version. */
export function inputFingerprint(inputs: { fichier: string; sha256: string }[], options: Record<string, unknown>, version: string): string {
  const h = createHash('sha256');
  h.update(`version=${version}\n`);
  h.update(`options=${stableStringify(options)}\n`);
  for (const i of [...inputs].sort((a, b) => (a.fichier < b.fichier ? -1 : 1))) h.update(`${i.fichier}\t${i.sha256}\n`);
  return h.digest('hex');
}

export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

export async function readManifest(dir: string): Promise<Manifest | null> {
  try {
    const m = JSON.parse(await fs.readFile(path.join(dir, MANIFEST), 'utf8')) as Manifest;
    return m && typeof m === 'object' && Array.isArray(m.sorties) && Array.isArray(m.entrees) ? m : null;
  } catch {
    return null;
  }
}

/**
 * Quick check for `--if-changed`: every output is there with its recorded
 * size. Synchronous stats on purpose: a national run publishes ~25 000
 * files, and one thread-pool round trip per file made it take seconds.
 */
export async function outputsPresent(dir: string, manifest: Manifest): Promise<boolean> {
  for (const s of manifest.sorties) {
    const st = statSync(path.join(dir, s.fichier), { throwIfNoEntry: false });
    if (!st || !st.isFile() || st.size !== s.octets) return false;
  }
  return true;
}

export type VerifyProblem = { fichier: string; probleme: 'absent' | 'modifie' | 'en-trop' };

export interface Verification {
  manifest: Manifest | null;
  problems: VerifyProblem[];
}

/** Full check: every output's sha256, and no file that the manifest does not list. */
export async function verifyFolder(dir: string): Promise<Verification> {
  const manifest = await readManifest(dir);
  if (!manifest) return { manifest: null, problems: [] };
  const problems: VerifyProblem[] = [];
  const listed = new Set<string>([MANIFEST]);
  for (const s of manifest.sorties) {
    listed.add(s.fichier);
    const bytes = await fs.readFile(path.join(dir, s.fichier)).catch(() => null);
    if (!bytes) problems.push({ fichier: s.fichier, probleme: 'absent' });
    else if (bytes.length !== s.octets || sha256(bytes) !== s.sha256) problems.push({ fichier: s.fichier, probleme: 'modifie' });
  }
  for (const f of (await listEntries(dir)).map((e) => e.rel).sort()) if (!listed.has(f)) problems.push({ fichier: f, probleme: 'en-trop' });
  return { manifest, problems };
}

/** An entry of a folder, walked recursively: its path relative to the folder, and whether it is a regular file. */
export interface Entry {
  rel: string;
  /** A regular file (anything else — link, socket, device — is never the tool's). */
  file: boolean;
  size: number;
}

export async function listEntries(root: string): Promise<Entry[]> {
  const found: Entry[] = [];
  async function walk(dir: string, rel: string): Promise<void> {
    for (const e of await fs.readdir(dir, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) await walk(path.join(dir, e.name), r);
      // Synchronous stats: one thread-pool round trip per file of a national publication took seconds.
      else if (e.isFile()) found.push({ rel: r, file: true, size: statSync(path.join(dir, e.name)).size });
      else found.push({ rel: r, file: false, size: 0 });
    }
  }
  await walk(root, '');
  return found;
}


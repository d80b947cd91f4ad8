// Writes the outputs of a run into its temporary folder, keeping every
// relative path inside it and recording each file's sha256 for the manifest.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileKey, type PreviousPublication } from './previous-publication.ts';
import type { WriteJournal } from './owned-files.ts';

/** A large text written piece by piece, never held whole (the national tidy table). */
export interface TextChunks {
  readonly chunks: Iterable<string>;
}

export type OutputContent = Uint8Array | string | TextChunks;

export interface WrittenFile {
  sha256: string;
  bytes: number;
  /** The key recorded in the manifest, for the next run (see previous-publication.ts). */
  key?: string;
}

export interface OutputWriter {
  /** `key`: what the file was made from (see fileKey), when a next run may reuse it. */
  write(relativePath: string, content: OutputContent, key?: string): Promise<void>;
  /** The key of a file made from `madeFrom` (its spec, or the rows and texts it shows) by this build. */
  keyOf(madeFrom: string | Uint8Array): string;
  /** Takes the previous publication's file when its key is `key` and its bytes are intact; false otherwise. */
  reuse(relativePath: string, key: string): Promise<boolean>;
  /** Reads back a file this run has written (e.g. a chart's PNG for a workbook). */
  read(relativePath: string): Promise<Buffer>;
  readonly written: Map<string, WrittenFile>;
}

/** Refuses any path that would leave the folder (`..`, absolute paths, NUL). */
export function safeJoin(root: string, relativePath: string): string {
  if (relativePath.includes('\0') || path.isAbsolute(relativePath)) throw new Error(`chemin de sortie refusé : ${relativePath}`);
  const full = path.resolve(root, relativePath);
  const rootResolved = path.resolve(root);
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) throw new Error(`chemin de sortie refusé : ${relativePath}`);
  return full;
}

export interface Reuse {
  /** The build that renders (see render-build.ts). */
  build: string;
  /** The publication whose files this run may reuse (none with `--tout-refaire`). */
  previous: PreviousPublication | null;
}

export interface WriterOptions {
  /** Name each file in the root's write journal before writing it (a staging folder: see owned-files.ts). */
  journal?: WriteJournal;
}

export function createOutputWriter(root: string, reuse: Reuse = { build: '', previous: null }, options: WriterOptions = {}): OutputWriter {
  const { build, previous } = reuse;
  const note = (full: string) => options.journal?.note(path.relative(root, full).split(path.sep).join('/'));
  const written = new Map<string, WrittenFile>();
  const made = new Set<string>();
  const folderOf = async (full: string) => {
    const dir = path.dirname(full);
    if (!made.has(dir)) {
      await fs.mkdir(dir, { recursive: true });
      made.add(dir);
    }
  };
  const record = (relativePath: string, file: WrittenFile) => written.set(relativePath.split(path.sep).join('/'), file);
  // Files linked to the previous publication's: one written again is unlinked first, never truncated in place.
  const linked = new Set<string>();
  return {
    written,
    async read(relativePath) {
      return fs.readFile(safeJoin(root, relativePath));
    },
    keyOf(madeFrom) {
      return fileKey(build, madeFrom);
    },
    async reuse(relativePath, key) {
      if (!previous) return false;
      const full = safeJoin(root, relativePath);
      await folderOf(full);
      note(full);
      const taken = await previous.reuse(relativePath.split(path.sep).join('/'), key, full);
      if (taken) {
        record(relativePath, { ...taken, key });
        linked.add(full);
      }
      return taken !== null;
    },
    async write(relativePath, content, key) {
      const full = safeJoin(root, relativePath);
      await folderOf(full);
      note(full);
      if (linked.delete(full)) await fs.rm(full, { force: true });
      const hash = createHash('sha256');
      let length = 0;
      if (typeof content === 'string' || content instanceof Uint8Array) {
        const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
        await fs.writeFile(full, bytes);
        hash.update(bytes);
        length = bytes.length;
      } else {
        const file = await fs.open(full, 'w');
        try {
          for (const chunk of content.chunks) {
            const bytes = Buffer.from(chunk, 'utf8');
            await file.write(bytes);
            hash.update(bytes);
            length += bytes.length;
          }
        } finally {
          await file.close();
        }
      }
      record(relativePath, key === undefined ? { sha256: hash.digest('hex'), bytes: length } : { sha256: hash.digest('hex'), bytes: length, key });
    },
  };
}

// Writes the outputs of a run into its temporary folder, keeping every
// relative path inside it and recording each file's sha256 for the manifest.

import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/** A large text written piece by piece, never held whole (the national tidy table). */
export interface TextChunks {
  readonly chunks: Iterable<string>;
}

export type OutputContent = Uint8Array | string | TextChunks;

export interface OutputWriter {
  write(relativePath: string, content: OutputContent): Promise<void>;
  /** Reads back a file this run has written (e.g. a chart's PNG for a workbook). */
  read(relativePath: string): Promise<Buffer>;
  readonly written: Map<string, { sha256: string; bytes: number }>;
}

/** Refuses any path that would leave the folder (`..`, absolute paths, NUL). */
export function safeJoin(root: string, relativePath: string): string {
  if (relativePath.includes('\0') || path.isAbsolute(relativePath)) throw new Error(`chemin de sortie refusé : ${relativePath}`);
  const full = path.resolve(root, relativePath);
  const rootResolved = path.resolve(root);
  if (full !== rootResolved && !full.startsWith(rootResolved + path.sep)) throw new Error(`chemin de sortie refusé : ${relativePath}`);
  return full;
}

export function createOutputWriter(root: string): OutputWriter {
  const written = new Map<string, { sha256: string; bytes: number }>();
  const made = new Set<string>();
  return {
    written,
    async read(relativePath) {
      return fs.readFile(safeJoin(root, relativePath));
    },
    async write(relativePath, content) {
      const full = safeJoin(root, relativePath);
      const dir = path.dirname(full);
      if (!made.has(dir)) {
        await fs.mkdir(dir, { recursive: true });
        made.add(dir);
      }
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
      written.set(relativePath.split(path.sep).join('/'), { sha256: hash.digest('hex'), bytes: length });
    },
  };
}

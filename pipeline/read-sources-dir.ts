// The only place that reads sources/: walks the folder (symbolic-link loops
// reported, not followed), reads each file's bytes and its sidecar year.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DataError } from '../lib/errors.ts';
import { msg } from '../lib/messages/index.ts';
import type { SourceFile } from '../lib/ingest/read-sources.ts';
import type { Warning } from '../lib/model/types.ts';

export interface SourcesDir {
  files: SourceFile[];
  warnings: Warning[];
}

export async function readSourcesDir(root: string): Promise<SourcesDir> {
  const stat = await fs.stat(root).catch(() => null);
  if (!stat || !stat.isDirectory()) throw new DataError(msg.sourcesMissing(root), { file: root });
  const files: SourceFile[] = [];
  const warnings: Warning[] = [];
  const visited = new Set<string>();
  const errors: DataError[] = [];

  async function walk(dir: string): Promise<void> {
    const real = await fs.realpath(dir);
    if (visited.has(real)) {
      warnings.push({ code: 'boucle-lien', message: msg.symlinkLoop(rel(dir)) });
      return;
    }
    visited.add(real);
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      let isDir = e.isDirectory();
      let isFile = e.isFile();
      if (e.isSymbolicLink()) {
        const target = await fs.stat(full).catch(() => null);
        if (!target) {
          errors.push(new DataError(msg.unreadableFile(rel(full), 'lien symbolique cassé'), { file: rel(full) }));
          continue;
        }
        isDir = target.isDirectory();
        isFile = target.isFile();
      }
      if (isDir) await walk(full);
      else if (isFile) {
        try {
          const bytes = await fs.readFile(full);
          files.push({ path: rel(full), bytes });
        } catch (err) {
          errors.push(new DataError(msg.unreadableFile(rel(full), (err as NodeJS.ErrnoException).code ?? String(err)), { file: rel(full) }));
        }
      }
    }
  }
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  await walk(root);
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new (await import('../lib/errors.ts')).DataErrors(errors);
  // Sidecar years: "rpls_qpv.annee" next to "rpls_qpv.csv".
  const sidecars = new Map(files.filter((f) => f.path.endsWith('.annee')).map((f) => [f.path.replace(/\.annee$/, ''), Buffer.from(f.bytes).toString('utf8').trim()]));
  for (const f of files) {
    const y = sidecars.get(f.path.replace(/\.[^./]+$/, ''));
    if (y && /^\d{4}$/.test(y)) f.sidecarYear = Number(y);
  }
  return { files, warnings };
}

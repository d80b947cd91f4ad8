// The only place that reads sources/: walks the folder (symbolic-link loops
// and entries that are not plain files refused, never followed or opened),
// reads each file's bytes and its sidecar year.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DataError, DataErrors, UsageError } from '../lib/errors.ts';
import { msg } from '../lib/messages/index.ts';
import { errnoText } from '../lib/messages/errno.ts';
import { sizeLimitOf } from '../lib/ingest/size-limits.ts';
import { isTableFile, type SourceFile } from '../lib/ingest/read-sources.ts';
import { isWorkbookFile, loadWorkbooks } from '../lib/ingest/xlsx-sheets.ts';
import type { Warning } from '../lib/model/types.ts';

export interface SourcesDir {
  files: SourceFile[];
  warnings: Warning[];
}

export interface SourcesScan extends SourcesDir {
  errors: DataError[];
}

/** Reads the folder; throws every error found at once. */
export async function readSourcesDir(root: string): Promise<SourcesDir> {
  const { files, warnings, errors } = await scanSourcesDir(root);
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new DataErrors(errors);
  return { files, warnings };
}

/** Reads the folder and returns what it could read with every error found. */
export async function scanSourcesDir(root: string): Promise<SourcesScan> {
  const stat = await fs.stat(root).catch(() => null);
  if (!stat || !stat.isDirectory()) throw new UsageError(msg.sourcesMissing(root));
  const files: SourceFile[] = [];
  const warnings: Warning[] = [];
  const errors: DataError[] = [];
  const visited = new Set<string>();
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');
  const refuse = (p: string, reason: string) => errors.push(new DataError(msg.unreadableFile(rel(p), reason), { file: rel(p) }));

  async function walk(dir: string): Promise<void> {
    const real = await fs.realpath(dir);
    if (visited.has(real)) {
      errors.push(new DataError(msg.symlinkLoop(rel(dir)), { file: rel(dir) }));
      return;
    }
    visited.add(real);
    const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const full = path.join(dir, e.name);
      // stat follows links: a dangling link has no target, a FIFO or a device is not a file.
      const target = await fs.stat(full).catch((err: NodeJS.ErrnoException) => err);
      if (target instanceof Error) {
        if (e.isSymbolicLink() && target.code === 'ELOOP') errors.push(new DataError(msg.symlinkLoop(rel(full)), { file: rel(full) }));
        else refuse(full, e.isSymbolicLink() ? msg.danglingLink() : errnoText(target));
        continue;
      }
      if (target.isDirectory()) await walk(full);
      else if (!target.isFile()) {
        if (isTableFile(e.name)) refuse(full, msg.notAPlainFile());
      } else {
        const limit = sizeLimitOf(rel(full));
        if (limit === null) {
          // Not data: listed with its size, never read (a video linked here by mistake).
          files.push({ path: rel(full), bytes: new Uint8Array(0), unreadSize: target.size });
          continue;
        }
        if (target.size > limit.bytes) {
          errors.push(new DataError(msg.fileTooLarge(rel(full), target.size, limit.kind, limit.bytes), { file: rel(full) }));
          continue;
        }
        try {
          files.push({ path: rel(full), bytes: await fs.readFile(full) });
        } catch (err) {
          refuse(full, errnoText(err));
        }
      }
    }
  }
  await walk(root);
  // Excel workbooks: their sheets are read here, exceljs being asynchronous (the rest of the reading is not).
  if (files.some((f) => isWorkbookFile(f.path))) errors.push(...(await loadWorkbooks(files)));
  attachSidecarYears(files, errors);
  return { files, warnings, errors };
}

/** Sidecar years: "rpls_qpv.annee" next to "rpls_qpv.csv" holds the year of its rows. */
function attachSidecarYears(files: SourceFile[], errors: DataError[]): void {
  const sidecars = new Map<string, number>();
  for (const f of files) {
    if (!f.path.endsWith('.annee')) continue;
    const text = Buffer.from(f.bytes).toString('utf8').replace(/^\ufeff/, '').trim();
    if (!/^(?:19|20)\d\d$/.test(text)) {
      errors.push(new DataError(msg.badSidecarYear(f.path, text), { file: f.path, line: 1 }));
      continue;
    }
    sidecars.set(f.path.replace(/\.annee$/, ''), Number(text));
  }
  for (const f of files) {
    const y = sidecars.get(f.path.replace(/\.[^./]+$/, ''));
    if (y !== undefined && !f.path.endsWith('.annee')) f.sidecarYear = y;
  }
}

// What a workbook is made from, for its key in the manifest (see
// pipeline/previous-publication.ts): its plan, its quartiers with their rows,
// the model's fields that every workbook shows, and the charts it embeds
// (each PNG's and spec's sha256: the image and its caption). A workbook whose
// key did not change is taken from the previous publication.

import { createHash } from 'node:crypto';
import { documentDate } from '../../lib/render/workbook/build-workbook.ts';
import type { WorkbookPlan } from '../../lib/render/workbook/plan.ts';
import type { ReportModel } from '../../lib/report/model.ts';
import type { WrittenFile } from '../output-writer.ts';
import { quartierDigest } from './quartier-digest.ts';
import { workbookChanges } from '../../lib/render/workbook/changes-sheet.ts';

/**
 * The fields of the model a workbook reads besides its quartiers (and
 * `rows`, read only for the document's date, which the key holds). A test
 * fails when buildWorkbook reads another one.
 */
export const WORKBOOK_MODEL_FIELDS = ['year', 'catalogue', 'enjeux', 'notes', 'files', 'warnings', 'toolVersion'] as const satisfies readonly (keyof ReportModel)[];

const SHARED = new WeakMap<ReportModel, string>();

/** The part every workbook of the run shares, hashed once per run. */
function sharedDigest(model: ReportModel): string {
  const known = SHARED.get(model);
  if (known) return known;
  const h = createHash('sha256');
  h.update(`date=${documentDate(model).toISOString()}\n`);
  for (const f of WORKBOOK_MODEL_FIELDS) h.update(`${f}=${JSON.stringify(f === 'files' ? model.files.map(withoutFingerprint) : model[f])}\n`);
  const digest = h.digest('hex');
  SHARED.set(model, digest);
  return digest;
}

/** A workbook lists the source files without their sha256 (a corrected file would change every workbook). */
function withoutFingerprint(f: ReportModel['files'][number]): object {
  const { sha256: _left, ...shown } = f;
  return shown;
}

interface PngIndex {
  /** The run's paths in the order written: a map's iterator also yields what is added later, as long as it never reached its end. */
  paths: Iterator<string>;
  seen: number;
  byFolder: Map<string, string[]>;
}

const PNGS = new WeakMap<ReadonlyMap<string, WrittenFile>, PngIndex>();

/**
 * The PNGs written directly in `folder` so far, indexed once as the run
 * writes them (`written` only grows): each of a national run's 1 000
 * workbooks scanned its 25 000 paths.
 */
function pngsIn(written: ReadonlyMap<string, WrittenFile>, folder: string): readonly string[] {
  let index = PNGS.get(written);
  if (!index) {
    index = { paths: written.keys(), seen: 0, byFolder: new Map() };
    PNGS.set(written, index);
  }
  for (; index.seen < written.size; index.seen++) {
    const file = index.paths.next().value as string;
    if (!file.endsWith('.png')) continue;
    const dir = file.slice(0, file.lastIndexOf('/'));
    const list = index.byFolder.get(dir);
    if (list) list.push(file);
    else index.byFolder.set(dir, [file]);
  }
  return index.byFolder.get(folder) ?? [];
}

/** The text the workbook's key is made from; `written`: the run's files so far (the charts of its quartiers among them). */
export function workbookMadeFrom(plan: WorkbookPlan, model: ReportModel, chartFolders: readonly string[], written: ReadonlyMap<string, WrittenFile>): string {
  const charts: [string, string, string | null][] = [];
  for (const folder of new Set(chartFolders)) {
    for (const file of pngsIn(written, folder)) charts.push([file, written.get(file)!.sha256, written.get(file.replace(/\.png$/, '.vl.json'))?.sha256 ?? null]);
  }
  charts.sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const quartiers = plan.quartiers.map(quartierDigest);
  // « Ce qui a changé »: only what this workbook's sheet shows (no sheet on a first publication).
  const changes = model.changes ? workbookChanges(model.changes, plan.quartiers) : null;
  return JSON.stringify({ shared: sharedDigest(model), path: plan.path, kind: plan.kind, title: plan.title, author: plan.author, quartiers, charts, changes });
}

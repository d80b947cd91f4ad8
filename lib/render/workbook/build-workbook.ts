// One workbook for the comité de pilotage: « Synthèse », a sheet per
// quartier, « Données », « Sources et méthode ». exceljs writes the whole
// package; nothing touches it afterwards. Its zip entries are dated by
// JSZip's `defaults.date`, which the pipeline sets (pipeline/zip-dates.ts).

import { Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import type { ReportModel } from '../../report/model.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import type { WorkbookPlan } from './plan.ts';
import { quartierSheetName, sheetNameAllocator } from './sheet-name.ts';
import { addSyntheseSheet, addTrajectoriesSheet, syntheseRows } from './synthese-sheet.ts';
import type { TextLayout } from './text-layout.ts';
import { addQuartierSheet, type ChartImage } from './quartier-sheet.ts';
import { addDonneesSheet } from './donnees-sheet.ts';
import { addSourcesSheet } from './sources-sheet.ts';
import { addChangesSheet } from './changes-sheet.ts';
import { changesText } from '../../messages/changes.ts';

export type { ChartImage } from './quartier-sheet.ts';

export interface WorkbookOptions {
  /** Text measured in the shipped font: column widths, row heights of wrapped text. */
  layout: TextLayout;
  /** Link from « Données » to the full tidy table, relative to the workbook; null when the run does not write it. */
  fullTable?: string | null;
}

/**
 * The document's date: 1 January of the latest year in the data, so that
 * two runs on the same sources give the same bytes (the run date would not).
 */
const DATES = new WeakMap<object, Date>();

export function documentDate(model: Pick<ReportModel, 'rows' | 'year'>): Date {
  const known = DATES.get(model.rows);
  if (known && known.getUTCFullYear() >= model.year) return new Date(known);
  let year = model.year;
  for (const r of model.rows) if (r.annee > year) year = r.annee;
  const date = new Date(Date.UTC(Math.min(2099, Math.max(1980, year)), 0, 1));
  DATES.set(model.rows, date);
  return new Date(date);
}

export async function buildWorkbook(plan: WorkbookPlan, model: ReportModel, charts: ReadonlyMap<string, ChartImage[]>, options: WorkbookOptions): Promise<Uint8Array> {
  const { layout } = options;
  const date = documentDate(model);
  const wb = new ExcelJS.Workbook();
  wb.creator = t.creator(model.toolVersion);
  wb.lastModifiedBy = t.creator(model.toolVersion);
  wb.title = plan.title;
  wb.subject = t.subject(model.year);
  wb.keywords = t.keywords(model.year);
  wb.category = t.category;
  wb.description = t.description(model.year, model.toolVersion);
  wb.company = plan.author;
  wb.created = date;
  wb.modified = date;
  wb.lastPrinted = date;

  const sheetName = sheetNameAllocator();
  const names = {
    synthese: sheetName(t.sheetSynthese),
    trajectoires: sheetName(t.sheetTrajectoires),
    donnees: sheetName(t.sheetDonnees),
    sources: sheetName(t.sheetSources),
  };
  const rows = plan.quartiers.flatMap((q) => q.rows);
  const shown = syntheseRows(plan.quartiers, model);
  addSyntheseSheet(wb, layout, names.synthese, plan.title, shown, model);
  addTrajectoriesSheet(wb, layout, names.trajectoires, plan.title, shown, model);
  if (model.changes) addChangesSheet(wb, layout, sheetName(changesText.sheetName), plan.title, model.year, model.changes, plan.quartiers);
  for (const q of plan.quartiers) addQuartierSheet(wb, layout, sheetName(quartierSheetName(q.code, q.name)), plan.title, q, model, charts.get(q.code) ?? []);
  addDonneesSheet(wb, layout, names.donnees, plan.title, model.year, rows, options.fullTable ?? null);
  addSourcesSheet(wb, layout, names.sources, plan.title, model, rows);
  // Stored, not deflated: the chart PNGs are compressed already, and JSZip
  // deflating them in JavaScript cost 60 ms of CPU per MB (a 130-quartier
  // agglomeration carries ~75 MB of them) for 14 % less. The XML would gain
  // more, but JSZip has one compression for the whole package.
  // Into a sink that keeps the package exceljs hands over: writeBuffer
  // copied it three more times (its stream's buffers, their concatenation,
  // and the Uint8Array made of it), 4 × 66 MB at once for a 130-quartier
  // agglomeration.
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  await wb.xlsx.write(sink, { zip: { compression: 'STORE' } } as Partial<ExcelJS.XlsxWriteOptions>);
  await finished(sink);
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
}

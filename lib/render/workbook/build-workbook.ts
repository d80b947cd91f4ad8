// One workbook for the comité de pilotage: « Synthèse », a sheet per
// quartier, « Données », « Sources et méthode ». Returns the .xlsx bytes,
// identical for identical inputs.

import ExcelJS from 'exceljs';
import { fitWorkbookCells } from './cell-limit.ts';
import type { ReportModel } from '../../report/model.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import type { WorkbookPlan } from './plan.ts';
import { sheetNameAllocator } from './sheet-name.ts';
import { addSyntheseSheet } from './synthese-sheet.ts';
import { addQuartierSheet, type ChartImage } from './quartier-sheet.ts';
import { addDonneesSheet } from './donnees-sheet.ts';
import { addSourcesSheet } from './sources-sheet.ts';
import { addChangesSheet } from './changes-sheet.ts';
import { changesText } from '../../messages/changes.ts';
import { stableZip } from './stable-zip.ts';
import { fillRows } from './direct-rows.ts';
import { WorkbookMedia } from './media.ts';

export type { ChartImage } from './quartier-sheet.ts';

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

export async function buildWorkbook(plan: WorkbookPlan, model: ReportModel, charts: ReadonlyMap<string, ChartImage[]>): Promise<Uint8Array> {
  const date = documentDate(model);
  const wb = new ExcelJS.Workbook();
  wb.creator = plan.author;
  wb.lastModifiedBy = plan.author;
  wb.title = plan.title;
  wb.subject = t.subject(model.year);
  wb.keywords = t.keywords;
  wb.company = plan.author;
  wb.created = date;
  wb.modified = date;
  wb.lastPrinted = date;

  const sheetName = sheetNameAllocator();
  const names = {
    synthese: sheetName(t.sheetSynthese),
    donnees: sheetName(t.sheetDonnees),
    sources: sheetName(t.sheetSources),
  };
  const rows = plan.quartiers.flatMap((q) => q.rows);
  addSyntheseSheet(wb, names.synthese, plan.title, plan.quartiers, model);
  if (model.changes) addChangesSheet(wb, sheetName(changesText.sheetName), plan.title, model.changes, plan.quartiers);
  const media = new WorkbookMedia(wb);
  for (const q of plan.quartiers) addQuartierSheet(wb, media, sheetName(q.name), plan.title, q, model, charts.get(q.code) ?? []);
  const donnees = addDonneesSheet(wb, names.donnees, plan.title, rows, 'Donnees');
  addSourcesSheet(wb, names.sources, plan.title, model, rows);
  fitWorkbookCells(wb);
  // Stored, not deflated: stableZip compresses once, when it re-packs.
  const bytes = await wb.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as unknown as Partial<ExcelJS.XlsxWriteOptions>);
  return stableZip(new Uint8Array(bytes as ArrayBuffer), date, (entries) => {
    media.fill(entries);
    if (donnees) fillRows(entries, donnees);
  });
}

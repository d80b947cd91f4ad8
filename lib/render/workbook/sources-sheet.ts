// « Sources et méthode »: every source file with its producer, vintage,
// perimeter and size; how the measures are computed; the warnings of the
// validation. Not the files' sha256 (manifest.json has them): a file
// corrected for one agglomeration would change every workbook, and an
// incremental run could reuse none.

import type ExcelJS from 'exceljs';
import type { ReportModel } from '../../report/model.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { SheetWriter, freezeBelow, setupPrint } from './sheet-layout.ts';
import type { TextLayout } from './text-layout.ts';

const PERIMETER_WORDS: Record<string, string> = { '2015': '2015 (ancien périmètre)', '2024': '2024' };

/** Where each column of the files table wraps. */
const WRAP_AT = [30, 18, 16, 10, 14, 10, 8, 8];

export function addSourcesSheet(wb: ExcelJS.Workbook, layout: TextLayout, name: string, title: string, model: ReportModel, rows: TidyRow[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws, layout);
  const perimeters = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = perimeters.get(r.fichier) ?? new Set<string>();
    if (r.perimetre) set.add(r.perimetre);
    perimeters.set(r.fichier, set);
  }
  let r = 1;
  w.title(r++, t.filesTitle);
  const headerRow = ++r;
  w.header(r++, t.filesHeaders);
  for (const f of model.files) {
    const p = [...(perimeters.get(f.file) ?? [])].sort().map((x) => PERIMETER_WORDS[x] ?? x).join(', ');
    const cells: (string | number)[] = [f.file, f.kindLabel, f.producer, f.vintage, p, f.encoding, f.rows, f.figures];
    cells.forEach((v, k) => w.put(r, k + 1, v === '' ? null : v, typeof v === 'number' ? { numFmt: '#,##0' } : { wrap: true }));
    r++;
  }
  w.span(r++, t.filesFingerprints);
  r++;
  w.title(r++, t.methodTitle, 12);
  for (const [label, text] of t.method) {
    w.put(r, 1, label, { bold: true });
    w.span(r++, text, { fromCol: 2 });
  }
  r++;
  w.title(r++, t.warningsTitle, 12);
  if (!model.warnings.length) w.span(r++, t.noWarnings);
  for (const warning of model.warnings) {
    w.put(r, 1, warning.code, { wrap: true });
    w.span(r++, warning.message, { fromCol: 2 });
  }
  r++;
  w.span(r, t.generatedBy(model.toolVersion));
  w.fitColumns(8, 40, WRAP_AT);
  w.finishRows(WRAP_AT.length);
  freezeBelow(ws, headerRow);
  setupPrint(w, { title, year: model.year, repeatRows: `${headerRow}:${headerRow}`, lastCol: WRAP_AT.length });
  return ws;
}

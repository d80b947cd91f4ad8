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

const PERIMETER_WORDS: Record<string, string> = { '2015': '2015 (ancien périmètre)', '2024': '2024' };

export function addSourcesSheet(wb: ExcelJS.Workbook, name: string, title: string, model: ReportModel, rows: TidyRow[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws);
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
    cells.forEach((v, k) => w.put(r, k + 1, v === '' ? null : v, typeof v === 'number' ? { numFmt: '#,##0' } : {}));
    r++;
  }
  w.put(r++, 1, t.filesFingerprints, { overflow: true });
  r++;
  w.title(r++, t.methodTitle, 12);
  for (const [label, text] of t.method) {
    w.put(r, 1, label, { bold: true });
    w.put(r++, 2, text, { overflow: true });
  }
  r++;
  w.title(r++, t.warningsTitle, 12);
  if (!model.warnings.length) w.put(r++, 1, t.noWarnings, { overflow: true });
  for (const warning of model.warnings) {
    w.put(r, 1, warning.code);
    w.put(r++, 2, warning.message, { overflow: true });
  }
  r++;
  w.put(r, 1, t.generatedBy(model.toolVersion), { overflow: true });
  w.fitColumns(8, 70);
  freezeBelow(ws, headerRow);
  setupPrint(ws, title, headerRow);
  return ws;
}

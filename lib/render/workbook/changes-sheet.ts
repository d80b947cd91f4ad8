// « Ce qui a changé » : the changes of the workbook's quartiers since the
// previous publication, one row each, filterable.

import type ExcelJS from 'exceljs';
import type { Change, RunChanges } from '../../report/compare-runs.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import { CHANGE_KIND_LABELS, changeValue, changesText as t } from '../../messages/changes.ts';
import { SheetWriter, freezeBelow, setupPrint } from './sheet-layout.ts';
import type { TextLayout } from './text-layout.ts';

/** Where each column wraps: quartier, code, kind, indicator, perimeter, then years, values and gaps. */
const WRAP_AT = [16, undefined, 14, 20, 10];

/**
 * What a workbook's sheet shows: its quartiers' changes and the quartiers of
 * its agglomerations that left the report, with the previous publication's
 * date only when there is one to show (a workbook with nothing changed then
 * keeps the same bytes, and is reused, from one run to the next).
 */
export function workbookChanges(changes: RunChanges, quartiers: readonly { code: string; rows: readonly TidyRow[] }[]): { previous: string | null; changes: Change[] } {
  const codes = new Set(quartiers.map((q) => q.code));
  const epcis = new Set(quartiers.map((q) => q.rows[0]?.epci_code).filter(Boolean));
  const mine = changes.changes.filter((c) => codes.has(c.quartier_code) || (c.type === 'quartier_sorti' && epcis.has(c.epci_code)));
  return { previous: mine.length ? changes.previous : null, changes: mine };
}

export function addChangesSheet(wb: ExcelJS.Workbook, layout: TextLayout, name: string, title: string, year: number, changes: RunChanges, quartiers: readonly { code: string; rows: readonly TidyRow[] }[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws, layout);
  const { previous, changes: mine } = workbookChanges(changes, quartiers);
  let r = 1;
  w.title(r++, t.heading);
  w.span(r++, previous ? t.since(previous) : t.noneSincePrevious);
  if (mine.length) w.span(r++, t.rule);
  r++;
  const headerRow = r;
  w.header(r++, t.sheetHeaders);
  for (const c of mine) {
    const cells = [
      c.quartier, c.quartier_code, CHANGE_KIND_LABELS[c.type], c.libelle || c.indicateur, c.perimetre,
      c.avant?.annee ?? null, c.avant ? changeValue(c.avant, c.unite) : null, c.apres?.annee ?? null, c.apres ? changeValue(c.apres, c.unite) : null,
      c.avant?.ecart ?? null, c.apres?.ecart ?? null,
    ];
    cells.forEach((v, k) => w.put(r, k + 1, v, k >= 9 && typeof v === 'number' ? { numFmt: '+0.0;-0.0;0.0' } : WRAP_AT[k] ? { wrap: true } : {}));
    r++;
  }
  if (mine.length) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: r - 1, column: t.sheetHeaders.length } };
  const lastCol = t.sheetHeaders.length;
  w.fitColumns(6, 30, WRAP_AT);
  w.finishRows(lastCol);
  freezeBelow(ws, headerRow);
  setupPrint(w, { title, year, repeatRows: `${headerRow}:${headerRow}`, lastCol });
  return ws;
}

// One sheet per quartier: who it is (status, codes, communes), its portrait
// statistique against the agglomeration, the same in the convention's words,
// every indicator for every year, its charts as images, and the qualitative
// parts of the convention's portrait. Long texts span the sheet's width and
// wrap; each chart stays on one page with its caption.

import type ExcelJS from 'exceljs';
import type { PortraitNote } from '../../model/types.ts';
import type { QuartierReport, ReportModel } from '../../report/model.ts';
import { yearsOf } from '../../report/model.ts';
import { seriesSegments } from '../../measures/trajectory.ts';
import { STATUS_LABELS, latestRows, portraitLine, sourcePhrase } from '../portrait/portrait.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { SheetWriter, freezeBelow, printGeometry, setupPrint } from './sheet-layout.ts';
import { BODY_SIZE, DEFAULT_ROW_PT, type TextLayout } from './text-layout.ts';
import { gapCell, valueCell } from './value-cell.ts';
import { pngSize } from './png-size.ts';

export interface ChartImage {
  /** Path of the PNG in the reports folder, e.g. `graphiques/QN06205M/evolution.png`. */
  file: string;
  png: Uint8Array;
  title: string;
  description: string;
}

const PX_PER_PT = 4 / 3;
const IMAGE_OFFSET_ROWS = 0.2;
/** The narrowest a caption beside its chart may be, in column units. */
const CAPTION_MIN_UNITS = 24;

/**
 * A chart as tall as the page's room, its caption in the columns on its
 * right: the first column that starts right of the image in Excel (whose
 * columns are the narrower), as long as the caption is no taller than the
 * image there. Null when the caption does not fit.
 */
function besideLayout(w: SheetWriter, size: { width: number; height: number }, roomPt: number, captionPt: (units: number) => number): { scale: number; col: number } | null {
  const scale = Math.min(1, (roomPt * PX_PER_PT) / size.height);
  const imagePt = (size.width * scale) / PX_PER_PT;
  let left = 0;
  let col = 1;
  for (; col <= w.lastColumn && left < imagePt + 6; col++) left += w.columnUnits(col) * 5.25 + 3.75;
  if (col > w.lastColumn || w.widthUnits(col) < CAPTION_MIN_UNITS) return null;
  if (captionPt(w.widthUnits(col)) > (size.height * scale) / PX_PER_PT) return null;
  return { scale, col };
}

export function addQuartierSheet(wb: ExcelJS.Workbook, layout: TextLayout, name: string, title: string, q: QuartierReport, model: ReportModel, charts: ChartImage[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws, layout);
  const reg = q.quartier;
  let r = 1;
  w.title(r, q.name);
  r += 2;
  const code2015 = reg?.code2015 || q.rows.find((x) => x.quartier_code_2015)?.quartier_code_2015 || '';
  const facts: [string, string][] = [
    [t.status, reg ? STATUS_LABELS[reg.status] ?? reg.status : t.outsideRegistry],
    [t.code, q.code],
    ...(code2015 ? [[t.code2015, code2015] as [string, string]] : []),
    ...(reg ? [[t.communes(reg.communes.length), reg.communes.map((c) => c.name).join(', ')] as [string, string], [t.agglomeration, `${reg.epci.name} (${reg.epci.shortName})`] as [string, string]] : []),
  ];
  for (const [label, value] of facts) {
    w.put(r, 1, label, { bold: true });
    w.span(r, value, { fromCol: 2 });
    r++;
  }

  r++;
  const latest = latestRows(q.rows, model.year);
  const indicators = model.catalogue.indicators.filter((i) => latest.has(i.id));
  indicators.sort((a, b) => Number(b.inPortrait) - Number(a.inPortrait));
  w.keepTogether(r, r + 2);
  w.title(r++, t.portraitTitle, 12);
  if (!indicators.length) {
    w.span(r++, t.noData);
  } else {
    w.header(r++, t.portraitHeaders);
    for (const ind of indicators) {
      const row = latest.get(ind.id)!;
      w.put(r, 1, ind.portraitLabel || ind.label, { wrap: true });
      w.put(r, 2, row.annee);
      const v = valueCell({ state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite });
      w.put(r, 3, v.value, v);
      const ref = valueCell({ state: row.valeur_reference === null ? 'absent' : 'valeur', value: row.valeur_reference, bound: row.borne_reference, decimals: row.decimales_reference, unit: row.unite });
      w.put(r, 4, ref.value, ref);
      const gap = gapCell(row.ecart_points, row.borne_ecart, Math.max(row.decimales, row.decimales_reference), row.unite);
      w.put(r, 5, gap.value, gap);
      w.put(r, 6, t.readings[row.sens] ?? '');
      r++;
    }
    w.span(r++, t.portraitSources(sourcePhrase([...latest.values()])));
    r++;
    w.keepTogether(r, r + 1);
    w.title(r++, t.conventionWordsTitle, 12);
    for (const ind of indicators) w.span(r++, `• ${portraitLine(latest.get(ind.id)!, ind)}`);
  }

  r++;
  const years = yearsOf(q.rows);
  w.keepTogether(r, r + 2);
  w.title(r++, t.allYearsTitle, 12);
  w.header(r++, [...t.allYearsFirstHeaders, ...years.map(String), t.seriesBreaksHeader]);
  for (const ind of model.catalogue.indicators) {
    const rows = q.rows.filter((x) => x.indicateur === ind.id);
    if (!rows.length) continue;
    w.put(r, 1, ind.label, { wrap: true });
    w.put(r, 2, t.units[ind.unit] ?? ind.unit);
    for (const row of rows) {
      const v = valueCell({ state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite });
      w.put(r, 3 + years.indexOf(row.annee), v.value, v);
    }
    // The same breaks as the trajectory chart's cut lines.
    const breaks = seriesSegments([...rows].sort((a, b) => a.annee - b.annee || (a.perimetre < b.perimetre ? -1 : 1))).filter((s) => s.breaks.length);
    if (breaks.length) w.put(r, 3 + years.length, breaks.map((s) => t.seriesBreakAt(s.row.annee, s.breaks)).join(' ; '), { wrap: true });
    r++;
  }
  // The indicator's name wraps; the value columns take the width of their figures.
  w.fitColumns(8, 40, [30, ...years.map(() => undefined), 24]);
  // A chart is no wider than the sheet's tables and no taller than a page
  // under the repeated title and its caption: it prints whole, on one page.
  const page = printGeometry(w);
  const maxWidthPx = page.widthPt * PX_PER_PT;
  const titleRowPt = layout.rowHeight(layout.lines(q.name, w.widthUnits(), 14, true), 14);

  r++;
  const chartsTitleRow = r;
  w.title(r++, t.chartsTitle, 12);
  if (!charts.length) {
    w.span(r, t.noCharts);
    w.keepTogether(chartsTitleRow, r++);
  }
  // Room for a chart with its caption on a page, under the repeated title:
  // less the section's title, the last row the image partly covers, the row
  // under it, and what a page keeps free.
  const roomPt = page.pageHeightPt - titleRowPt - layout.rowHeight(1, 12) - 2 * DEFAULT_ROW_PT - 6;
  for (const chart of charts) {
    const size = pngSize(chart.png);
    if (!size) continue;
    const first = r;
    const title = chart.title || chart.file;
    const captionPt = (units: number) => layout.rowHeight(layout.lines(title, units, BODY_SIZE, true)) + (chart.description ? layout.rowHeight(layout.lines(chart.description, units)) : 0);
    // The caption over the image, across the sheet; or, for a tall chart
    // (trajectories), beside it, when that prints the image larger.
    const above = Math.min(1, maxWidthPx / size.width, ((roomPt - captionPt(w.widthUnits())) * PX_PER_PT) / size.height);
    const beside = besideLayout(w, size, roomPt, captionPt);
    const scale = beside && beside.scale > above * 1.05 ? beside.scale : above;
    if (scale === above) {
      w.span(r++, title, { bold: true });
      if (chart.description) w.span(r++, chart.description);
    }
    const width = Math.round(size.width * scale);
    const height = Math.round(size.height * scale);
    const id = wb.addImage({ buffer: chart.png as unknown as ExcelJS.Buffer, extension: 'png' });
    // A fifth of a row below the row's top: LibreOffice also draws an image
    // that starts exactly on a page's first row at the foot of the page before.
    ws.addImage(id, { tl: { col: 0, row: r - 1 + IMAGE_OFFSET_ROWS }, ext: { width, height }, editAs: 'oneCell' });
    // The image lies over rows of the default height, one more below it.
    const rows = Math.ceil((height / PX_PER_PT + IMAGE_OFFSET_ROWS * DEFAULT_ROW_PT) / DEFAULT_ROW_PT) + 1;
    for (let k = 0; k < rows; k++) w.setHeight(r + k, DEFAULT_ROW_PT);
    if (scale !== above && beside) {
      // Each text over as many rows as its lines need, in the columns right of the image.
      let at = r;
      for (const [text, bold] of [[title, true], [chart.description, false]] as const) {
        if (!text) continue;
        const span = Math.ceil(layout.rowHeight(layout.lines(text, w.widthUnits(beside.col), BODY_SIZE, bold)) / DEFAULT_ROW_PT);
        w.put(at, beside.col, text, { overflow: true, wrap: true, bold });
        ws.mergeCells(at, beside.col, at + span - 1, w.lastColumn);
        at += span;
      }
    }
    r += rows;
    // The section's title goes with its first chart.
    w.keepTogether(first === chartsTitleRow + 1 ? chartsTitleRow : first, r - 1);
  }

  for (const section of ['irritant', 'opportunite', 'enjeu_prioritaire'] as const) {
    const items = model.notes.filter((n: PortraitNote) => n.quartier === q.code && n.section === section).sort((a, b) => a.order - b.order);
    if (!items.length) continue;
    r++;
    w.keepTogether(r, r + 1);
    w.title(r++, t.notesTitles[section], 12);
    for (const n of items) w.span(r++, `• ${n.text}`);
  }

  w.finishRows();
  freezeBelow(ws, 1);
  setupPrint(w, { title, year: model.year, repeatRows: '1:1' });
  return ws;
}

// One sheet per quartier: who it is (status, codes, communes), its portrait
// statistique against the agglomeration in the convention's words, every
// indicator for every year, its charts as images, and the qualitative parts
// of the convention's portrait.

import type ExcelJS from 'exceljs';
import type { PortraitNote } from '../../model/types.ts';
import type { QuartierReport, ReportModel } from '../../report/model.ts';
import { yearsOf } from '../../report/model.ts';
import { seriesSegments } from '../../measures/trajectory.ts';
import { STATUS_LABELS, latestRows, portraitLine } from '../portrait/portrait.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { SheetWriter, freezeBelow, setupPrint } from './sheet-layout.ts';
import { gapCell, valueCell } from './value-cell.ts';
import { pngSize } from './png-size.ts';
import type { WorkbookMedia } from './media.ts';

export interface ChartImage {
  /** Path of the PNG in the reports folder, e.g. `graphiques/QN06205M/evolution.png`. */
  file: string;
  png: Uint8Array;
  title: string;
  description: string;
}

const ROW_PX = 20; // default row height: 15 pt
const MAX_IMAGE_PX = 900;

export function addQuartierSheet(wb: ExcelJS.Workbook, media: WorkbookMedia, name: string, title: string, q: QuartierReport, model: ReportModel, charts: ChartImage[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws);
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
    w.put(r, 2, value, { overflow: true });
    r++;
  }

  r++;
  w.title(r++, t.portraitTitle, 12);
  const latest = latestRows(q.rows, model.year);
  const indicators = model.catalogue.indicators.filter((i) => latest.has(i.id));
  indicators.sort((a, b) => Number(b.inPortrait) - Number(a.inPortrait));
  if (!indicators.length) {
    w.put(r++, 1, t.noData, { overflow: true });
  } else {
    w.header(r++, t.portraitHeaders);
    for (const ind of indicators) {
      const row = latest.get(ind.id)!;
      w.put(r, 1, ind.portraitLabel || ind.label);
      w.put(r, 2, row.annee);
      const v = valueCell({ state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite });
      w.put(r, 3, v.value, v);
      const ref = valueCell({ state: row.valeur_reference === null ? 'absent' : 'valeur', value: row.valeur_reference, bound: row.borne_reference, decimals: row.decimales_reference, unit: row.unite });
      w.put(r, 4, ref.value, ref);
      const gap = gapCell(row.ecart_points, row.borne_ecart, Math.max(row.decimales, row.decimales_reference), row.unite);
      w.put(r, 5, gap.value, gap);
      w.put(r, 6, t.readings[row.sens] ?? '');
      w.put(r, 7, portraitLine(row, ind), { wrap: true });
      w.put(r, 8, row.source);
      r++;
    }
  }

  r++;
  w.title(r++, t.allYearsTitle, 12);
  const years = yearsOf(q.rows);
  w.header(r++, [...t.allYearsFirstHeaders, ...years.map(String), t.seriesBreaksHeader]);
  for (const ind of model.catalogue.indicators) {
    const rows = q.rows.filter((x) => x.indicateur === ind.id);
    if (!rows.length) continue;
    w.put(r, 1, ind.label);
    w.put(r, 2, t.units[ind.unit] ?? ind.unit);
    for (const row of rows) {
      const v = valueCell({ state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite });
      w.put(r, 3 + years.indexOf(row.annee), v.value, v);
    }
    // The same breaks as the trajectory chart's cut lines.
    const breaks = seriesSegments([...rows].sort((a, b) => a.annee - b.annee || (a.perimetre < b.perimetre ? -1 : 1))).filter((s) => s.breaks.length);
    if (breaks.length) w.put(r, 3 + years.length, breaks.map((s) => t.seriesBreakAt(s.row.annee, s.breaks)).join(' ; '));
    r++;
  }

  r++;
  w.title(r++, t.chartsTitle, 12);
  if (!charts.length) w.put(r++, 1, t.noCharts, { overflow: true });
  for (const chart of charts) {
    const size = pngSize(chart.png);
    if (!size) continue;
    w.put(r++, 1, chart.title || chart.file, { overflow: true, bold: true });
    if (chart.description) w.put(r++, 1, chart.description, { overflow: true });
    const scale = Math.min(1, MAX_IMAGE_PX / size.width);
    const width = Math.round(size.width * scale);
    const height = Math.round(size.height * scale);
    const id = media.addPng(chart.png);
    ws.addImage(id, { tl: { col: 0, row: r - 1 }, ext: { width, height }, editAs: 'oneCell' });
    r += Math.ceil(height / ROW_PX) + 1;
  }

  for (const section of ['irritant', 'opportunite', 'enjeu_prioritaire'] as const) {
    const items = model.notes.filter((n: PortraitNote) => n.quartier === q.code && n.section === section).sort((a, b) => a.order - b.order);
    if (!items.length) continue;
    r++;
    w.title(r++, t.notesTitles[section], 12);
    for (const n of items) w.put(r++, 1, `• ${n.text}`, { overflow: true });
  }

  w.fitColumns(8, 50);
  freezeBelow(ws, 1);
  setupPrint(ws, `${title} – ${q.name}`);
  return ws;
}

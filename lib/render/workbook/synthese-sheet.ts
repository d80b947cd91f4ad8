// « Synthèse »: one row per quartier × indicator for the report year (the
// latest figure up to it), against the agglomeration, with the reading and
// the rank; grouped by the contract's enjeux when the sources give them (an
// indicator linked to several enjeux or objectives appears once in each
// group); rows coloured by reading. « Évolutions et cibles »: the same rows,
// with the change since the contract's baseline (its reading, convergence
// and INSEE alert) and the 2030 target. Two sheets, so that each prints on
// the width of an A4 page with text no smaller than 8 pt.

import { medianDecimals } from '../portrait/format-value.ts';
import type ExcelJS from 'exceljs';
import type { EnjeuLink, Indicator } from '../../model/types.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import type { QuartierReport, ReportModel } from '../../report/model.ts';
import { latestRows } from '../portrait/portrait.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { SheetWriter, columnLetter, freezeBelow, setupPrint } from './sheet-layout.ts';
import { gapCell, indexCell, targetCell, valueCell, type ShownCell } from './value-cell.ts';
import { readingOf } from '../../measures/baseline.ts';
import { trendLabels } from '../../messages/trend-labels.ts';
import type { TextLayout } from './text-layout.ts';

export const READING_FILLS = {
  favorable: 'FFC6EFCE',
  defavorable: 'FFFFC7CE',
  neutre: 'FFEDEDED',
} as const;

interface Group {
  /** « Enjeu 1 » as the sources name it. */
  enjeu: string;
  label: string;
  objective: string;
  indicators: string[];
}

/** The enjeux in the order the sources give them, then the indicators no enjeu names. */
export function enjeuGroups(enjeux: EnjeuLink[], catalogue: Indicator[]): Group[] {
  const order = new Map(catalogue.map((i, k) => [i.id, k]));
  const groups = new Map<string, Group>();
  for (const e of enjeux) {
    const label = e.enjeuLabel ? `${e.enjeu} – ${e.enjeuLabel}` : e.enjeu;
    const key = `${label}|${e.objective}`;
    const g = groups.get(key) ?? { enjeu: e.enjeu, label, objective: e.objective, indicators: [] };
    if (!g.indicators.includes(e.indicator)) g.indicators.push(e.indicator);
    groups.set(key, g);
  }
  const out = [...groups.values()];
  for (const g of out) g.indicators.sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
  const named = new Set(enjeux.map((e) => e.indicator));
  const rest = catalogue.map((i) => i.id).filter((id) => !named.has(id));
  if (!enjeux.length) return [{ enjeu: '', label: '', objective: '', indicators: rest }];
  if (rest.length) out.push({ enjeu: t.otherIndicators, label: t.otherIndicators, objective: '', indicators: rest });
  return out;
}

const GROUP_FILL = 'FFF2F2F2';

interface Shown {
  group: Group;
  q: QuartierReport;
  row: TidyRow;
  indicator: Indicator;
}

/** A column of the two sheets: its header, its cell, and the width its text wraps at. */
interface Column {
  header: string;
  cell: (s: Shown) => ShownCell | string | number | null;
  wrap?: number;
  /** Shown only when some row fills it (the national context). */
  optional?: boolean;
}

function filled(columns: Column[], shown: Shown[]): Column[] {
  return columns.filter((c) => !c.optional || shown.some((s) => {
    const v = c.cell(s);
    return v !== null && v !== '' && (typeof v !== 'object' || v.value !== null);
  }));
}

const H = t.syntheseHeaders;

const IDENTITY: Column[] = [
  { header: H.quartier, cell: (s) => s.q.name, wrap: 14 },
  { header: H.code, cell: (s) => s.q.code },
  { header: H.indicateur, cell: (s) => s.indicator.label, wrap: 20 },
];

/** The enjeu's short name on each row (« Enjeu 1 »), to filter on; its full wording heads the group. */
const ENJEU: Column[] = [{ header: H.enjeu, cell: (s) => s.group.enjeu, wrap: 10 }];

const SITUATION: Column[] = [
  { header: H.annee, cell: (s) => s.row.annee },
  { header: H.valeur, cell: ({ row }) => valueCell({ state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite }) },
  { header: H.reference, cell: (s) => s.row.reference, wrap: 12 },
  {
    header: H.valeurReference,
    cell: ({ row }) => valueCell({ state: row.valeur_reference === null ? 'absent' : 'valeur', value: row.valeur_reference, bound: row.borne_reference, decimals: row.decimales_reference, unit: row.unite }),
  },
  { header: H.ecart, cell: ({ row }) => gapCell(row.ecart_points, row.borne_ecart, Math.max(row.decimales, row.decimales_reference), row.unite) },
  { header: H.indice, cell: ({ row }) => indexCell(row.indice, row.borne_ratio) },
  { header: H.lecture, cell: (s) => t.readings[s.row.sens] ?? '' },
  { header: H.rang, cell: (s) => trendLabels.rank(s.row.rang, s.row.rang_sur), wrap: 10 },
  // National context (national files in the sources): rank among the quartiers of France and their median.
  { header: H.rangNational, cell: (s) => trendLabels.rank(s.row.rang_national, s.row.rang_national_sur), wrap: 10, optional: true },
  {
    header: H.medianeQpv,
    cell: ({ row }) => (row.mediane_qpv === null ? null : valueCell({ state: 'valeur', value: row.mediane_qpv, bound: '=', decimals: medianDecimals(row.mediane_qpv, row.decimales, row.unite), unit: row.unite })),
    optional: true,
  },
];

const since = (row: TidyRow) => row.situation_base === 'depuis_base';

const TRAJECTORY: Column[] = [
  { header: H.anneeBase, cell: (s) => s.row.annee_base },
  { header: H.evolutionBase, cell: ({ row }) => (since(row) ? gapCell(row.evolution_base, row.borne_evolution_base, row.decimales, row.unite) : null) },
  {
    header: H.sensEvolution,
    cell: ({ row, indicator }) => (since(row) && row.evolution_base !== null ? (t.readings[readingOf(row.evolution_base, row.borne_evolution_base, indicator)] ?? '') : null),
  },
  { header: H.convergenceBase, cell: (s) => (since(s.row) ? trendLabels.convergence(s.row.convergence_base) : null), wrap: 12 },
  { header: H.alerte, cell: (s) => (since(s.row) ? trendLabels.alerts(s.row.alerte_base) : null), wrap: 18 },
  { header: H.anneeCible, cell: (s) => s.row.cible_annee },
  { header: H.cible, cell: ({ row }) => targetCell(row) },
  { header: H.atteignable, cell: (s) => trendLabels.reachable(s.row.atteignable), wrap: 11 },
  { header: H.source, cell: (s) => s.row.source, wrap: 16 },
];

/** The rows both sheets show, group by group, quartier by quartier. */
export function syntheseRows(quartiers: QuartierReport[], model: ReportModel): Shown[] {
  const indicators = new Map(model.catalogue.indicators.map((i) => [i.id, i]));
  const latest = new Map(quartiers.map((q) => [q.code, latestRows(q.rows, model.year)]));
  const shown: Shown[] = [];
  for (const group of enjeuGroups(model.enjeux, model.catalogue.indicators)) {
    for (const q of quartiers) {
      for (const id of group.indicators) {
        const row = latest.get(q.code)!.get(id);
        const indicator = indicators.get(id);
        if (row && indicator) shown.push({ group, q, row, indicator });
      }
    }
  }
  return shown;
}

interface TableSheet {
  w: SheetWriter;
  headerRow: number;
  lastRow: number;
  columns: Column[];
}

/**
 * Writes the rows under `headerRow`: each group of the contract's enjeux
 * under a row naming it and its objective, each quartier's rows of a group
 * kept on one page (the group's row with its first quartier).
 */
function writeTable(w: SheetWriter, headerRow: number, columns: Column[], shown: Shown[]): number {
  w.header(headerRow, columns.map((c) => c.header));
  let r = headerRow;
  // The first block holds the title, the legend and the header: they never print alone on a page.
  let blockStart = 1;
  shown.forEach((s, k) => {
    const previous = shown[k - 1];
    if (s.group.label && (!previous || previous.group !== s.group)) {
      r++;
      w.span(r, s.group.objective ? t.groupLine(s.group.label, s.group.objective) : s.group.label, { bold: true, fill: GROUP_FILL });
    }
    r++;
    columns.forEach((c, j) => {
      const v = c.cell(s);
      if (v === null || typeof v === 'string' || typeof v === 'number') w.put(r, j + 1, v, c.wrap ? { wrap: true } : {});
      else w.put(r, j + 1, v.value, c.wrap ? { ...v, wrap: true } : v);
    });
    const next = shown[k + 1];
    if (!next || next.q !== s.q || next.group !== s.group) {
      w.keepTogether(blockStart, r);
      blockStart = r + 1;
    }
  });
  return r;
}

function finish(sheet: TableSheet, title: string, year: number): void {
  const { w, headerRow, lastRow, columns } = sheet;
  if (lastRow > headerRow) w.ws.autoFilter = `A${headerRow}:${columnLetter(columns.length)}${lastRow}`;
  w.fitColumns(5, 40, columns.map((c) => c.wrap));
  w.finishRows(columns.length);
  freezeBelow(w.ws, headerRow);
  setupPrint(w, { title, year, repeatRows: `${headerRow}:${headerRow}`, lastCol: columns.length });
}

export function addSyntheseSheet(wb: ExcelJS.Workbook, layout: TextLayout, name: string, title: string, shown: Shown[], model: ReportModel): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws, layout);
  const columns = filled([...(model.enjeux.length ? ENJEU : []), ...IDENTITY, ...SITUATION], shown);
  w.title(1, title);
  w.span(2, t.reportYear(model.year));
  const sources = [...new Set(shown.flatMap((s) => [s.row.source, s.row.source_reference]).filter(Boolean))];
  w.span(3, t.sourcesLine(sources));
  const perimeters = new Map<string, Set<string>>();
  for (const s of shown) {
    const set = perimeters.get(s.row.perimetre) ?? new Set<string>();
    set.add(s.q.name);
    perimeters.set(s.row.perimetre, set);
  }
  const parts = perimeterParts(perimeters);
  w.span(4, t.perimetersLine(parts.map((p) => p.text), parts.some((p) => p.counted)));
  w.span(5, t.legendTitle);
  const headerRow = 8;
  const lastRow = writeTable(w, headerRow, columns, shown);
  if (lastRow > headerRow) {
    const letter = columnLetter(columns.findIndex((c) => c.header === H.lecture) + 1);
    ws.addConditionalFormatting({
      ref: `A${headerRow + 1}:${columnLetter(columns.length)}${lastRow}`,
      rules: (['favorable', 'defavorable'] as const).map((reading, k) => ({
        type: 'expression' as const,
        priority: k + 1,
        formulae: [`$${letter}${headerRow + 1}="${t.readings[reading]}"`],
        style: { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: READING_FILLS[reading] } } },
      })),
    });
  }
  finish({ w, headerRow, lastRow, columns }, title, model.year);
  legendRow(w, 6, columns.length);
  return ws;
}

/** Quartiers named by perimeter a few at a time: a long list (130 names) overflowed Excel's tallest row. */
const NAMED_AT_MOST = 5;

function perimeterParts(perimeters: Map<string, Set<string>>): { text: string; counted: boolean }[] {
  const groups = [...perimeters.entries()].sort();
  const large = groups.filter(([, qs]) => qs.size > NAMED_AT_MOST).length;
  return groups.map(([p, qs]) => {
    if (qs.size <= NAMED_AT_MOST) return { text: t.perimeterPart(p, [...qs]), counted: false };
    if (groups.length === 1) return { text: t.perimeterPart(p, { count: qs.size, of: 'all' }), counted: false };
    // The others named, the largest group is « the others »; else only counts, and where to look.
    return large === 1 ? { text: t.perimeterPart(p, { count: qs.size, of: 'others' }), counted: false } : { text: t.perimeterPart(p, { count: qs.size, of: 'some' }), counted: true };
  });
}

/**
 * The readings' colours, each label over as many cells (merged, coloured)
 * as its text needs once the columns have their width.
 */
function legendRow(w: SheetWriter, row: number, lastCol: number): void {
  const legend: [string, string][] = [[t.legendFavorable, READING_FILLS.favorable], [t.legendDefavorable, READING_FILLS.defavorable], [t.legendNeutre, READING_FILLS.neutre]];
  let col = 1;
  for (const [label, argb] of legend) {
    let last = col;
    while (last < lastCol && w.widthUnits(col, last) < w.layout.units(label)) last++;
    for (let c = col; c <= last; c++) w.put(row, c, c === col ? label : null, { overflow: true, fill: argb });
    if (last > col) w.ws.mergeCells(row, col, row, last);
    col = last + 1;
  }
}

export function addTrajectoriesSheet(wb: ExcelJS.Workbook, layout: TextLayout, name: string, title: string, shown: Shown[], model: ReportModel): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws, layout);
  const columns = [...(model.enjeux.length ? ENJEU : []), ...IDENTITY, ...TRAJECTORY];
  w.title(1, t.trajectoiresTitle);
  w.span(2, t.trajectoiresNote);
  const headerRow = 4;
  const lastRow = writeTable(w, headerRow, columns, shown);
  finish({ w, headerRow, lastRow, columns }, title, model.year);
  return ws;
}

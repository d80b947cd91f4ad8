// « Synthèse »: one row per quartier × indicator for the report year (the
// latest figure up to it), against the agglomeration, with the measures'
// rank, change since the contract's baseline (with its INSEE alert),
// convergence of the gap and 2030 target; grouped by the contract's enjeux
// when the sources give them (an indicator linked to several enjeux or
// objectives appears once in each group); rows coloured by reading.

import type ExcelJS from 'exceljs';
import type { EnjeuLink, Indicator } from '../../model/types.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import type { QuartierReport, ReportModel } from '../../report/model.ts';
import { latestRows } from '../portrait/portrait.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { SheetWriter, columnLetter, freezeBelow, setupPrint } from './sheet-layout.ts';
import { gapCell, indexCell, valueCell } from './value-cell.ts';
import { readingOf } from '../../measures/baseline.ts';
import { trendLabels } from '../../messages/trend-labels.ts';

export const READING_FILLS = {
  favorable: 'FFC6EFCE',
  defavorable: 'FFFFC7CE',
  neutre: 'FFEDEDED',
} as const;

interface Group {
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
    const g = groups.get(key) ?? { label, objective: e.objective, indicators: [] };
    if (!g.indicators.includes(e.indicator)) g.indicators.push(e.indicator);
    groups.set(key, g);
  }
  const out = [...groups.values()];
  for (const g of out) g.indicators.sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
  const named = new Set(enjeux.map((e) => e.indicator));
  const rest = catalogue.map((i) => i.id).filter((id) => !named.has(id));
  if (!enjeux.length) return [{ label: '', objective: '', indicators: rest }];
  if (rest.length) out.push({ label: t.otherIndicators, objective: '', indicators: rest });
  return out;
}

export function addSyntheseSheet(wb: ExcelJS.Workbook, name: string, title: string, quartiers: QuartierReport[], model: ReportModel): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  const w = new SheetWriter(ws);
  const indicators = new Map(model.catalogue.indicators.map((i) => [i.id, i]));
  const latest = new Map(quartiers.map((q) => [q.code, latestRows(q.rows, model.year)]));
  const withEnjeux = model.enjeux.length > 0;
  const groups = enjeuGroups(model.enjeux, model.catalogue.indicators);

  const shown: { group: Group; q: QuartierReport; row: TidyRow; indicator: Indicator }[] = [];
  for (const group of groups) {
    for (const q of quartiers) {
      for (const id of group.indicators) {
        const row = latest.get(q.code)!.get(id);
        const indicator = indicators.get(id);
        if (row && indicator) shown.push({ group, q, row, indicator });
      }
    }
  }

  w.title(1, title);
  w.put(2, 1, t.reportYear(model.year), { overflow: true });
  const sources = [...new Set(shown.flatMap((s) => [s.row.source, s.row.source_reference]).filter(Boolean))];
  w.put(3, 1, t.sourcesLine(sources), { overflow: true });
  const perimeters = new Map<string, Set<string>>();
  for (const s of shown) {
    const set = perimeters.get(s.row.perimetre) ?? new Set<string>();
    set.add(s.q.name);
    perimeters.set(s.row.perimetre, set);
  }
  w.put(4, 1, t.perimetersLine([...perimeters.entries()].sort().map(([p, qs]) => t.perimeterPart(p, [...qs]))), { overflow: true });
  w.put(5, 1, t.legendTitle, { overflow: true });
  const legend: [string, string][] = [[t.legendFavorable, READING_FILLS.favorable], [t.legendDefavorable, READING_FILLS.defavorable], [t.legendNeutre, READING_FILLS.neutre]];
  // The legend sits right of the first column, whose text overflows into an empty cell.
  legend.forEach(([label, argb], k) => {
    w.put(6, 1 + 2 * k, label, { overflow: true, fill: argb });
  });

  const headers = [...(withEnjeux ? [t.syntheseHeaders[0]!, t.objectiveHeader] : []), ...t.syntheseHeaders.slice(1)];
  const headerRow = 8;
  w.header(headerRow, headers);
  const readingCol = headers.indexOf(t.readingHeader) + 1;
  let r = headerRow;
  for (const { group, q, row, indicator } of shown) {
    r++;
    let c = 1;
    if (withEnjeux) {
      w.put(r, c++, group.label);
      w.put(r, c++, group.objective);
    }
    w.put(r, c++, q.name);
    w.put(r, c++, q.code);
    w.put(r, c++, indicator.label);
    w.put(r, c++, row.annee);
    const v = valueCell({ state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite });
    w.put(r, c++, v.value, v);
    w.put(r, c++, row.reference);
    const ref = valueCell({ state: row.valeur_reference === null ? 'absent' : 'valeur', value: row.valeur_reference, bound: row.borne_reference, decimals: row.decimales_reference, unit: row.unite });
    w.put(r, c++, ref.value, ref);
    const gap = gapCell(row.ecart_points, row.borne_ecart, Math.max(row.decimales, row.decimales_reference), row.unite);
    w.put(r, c++, gap.value, gap);
    const idx = indexCell(row.indice, row.borne_ratio);
    w.put(r, c++, idx.value, idx);
    w.put(r, c++, t.readings[row.sens] ?? '');
    w.put(r, c++, trendLabels.rank(row.rang, row.rang_sur) || null);
    // National context (national files in the sources): rank among the quartiers of France and their median.
    w.put(r, c++, trendLabels.rank(row.rang_national, row.rang_national_sur) || null);
    const median = valueCell({ state: row.mediane_qpv === null ? 'absent' : 'valeur', value: row.mediane_qpv, bound: '=', decimals: row.decimales, unit: row.unite });
    w.put(r, c++, row.mediane_qpv === null ? null : median.value, median);
    w.put(r, c++, row.annee_base);
    const since = row.situation_base === 'depuis_base';
    const change = since ? gapCell(row.evolution_base, row.borne_evolution_base, row.decimales, row.unite) : { value: null, shown: '' };
    w.put(r, c++, change.value, change);
    w.put(r, c++, since && row.evolution_base !== null ? (t.readings[readingOf(row.evolution_base, row.borne_evolution_base, indicator)] ?? '') : null);
    w.put(r, c++, since ? trendLabels.convergence(row.convergence_base) || null : null);
    w.put(r, c++, since ? trendLabels.alerts(row.alerte_base) || null : null);
    // A target is a bound: « ≤ 35 % » (au plus), « ≥ −12 pts » (au moins).
    const targetBound = row.cible_sens === 'au_plus' ? '<=' : row.cible_sens === 'au_moins' ? '>=' : '=';
    const target = row.cible === null ? { value: null, shown: '' }
      : row.cible_type === 'ecart' ? gapCell(row.cible, targetBound, row.decimales, row.unite)
      : valueCell({ state: 'valeur', value: row.cible, bound: targetBound, decimals: row.decimales, unit: row.unite });
    w.put(r, c++, row.cible_annee);
    w.put(r, c++, target.value, target);
    w.put(r, c++, trendLabels.reachable(row.atteignable) || null);
    w.put(r, c++, row.source);
  }
  if (r > headerRow) {
    const letter = columnLetter(readingCol);
    const ref = `A${headerRow + 1}:${columnLetter(headers.length)}${r}`;
    ws.addConditionalFormatting({
      ref,
      rules: (['favorable', 'defavorable'] as const).map((reading, k) => ({
        type: 'expression' as const,
        priority: k + 1,
        formulae: [`$${letter}${headerRow + 1}="${t.readings[reading]}"`],
        style: { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: READING_FILLS[reading] } } },
      })),
    });
    ws.autoFilter = `A${headerRow}:${columnLetter(headers.length)}${r}`;
  }
  w.fitColumns();
  freezeBelow(ws, headerRow);
  setupPrint(ws, title, headerRow);
  return ws;
}

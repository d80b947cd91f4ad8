// Tidy rows → the flat records the chart specs inline: one per indicator (or
// per year), numbers kept as numbers, every label already written in French
// (bounds in words, secrets as « secret statistique », never a zero).

import type { Catalogue, Indicator, Unit } from '../../model/types.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import { formatGap, formatValue, medianDecimals } from '../portrait/format-value.ts';
import { latestRows } from '../portrait/portrait.ts';
import { formatFrenchNumber } from '../../text/french-number.ts';
import { charts as words, PERIMETER_WORDS } from '../../messages/charts.ts';

/** How a marker is drawn: an exact value, an approximation, or a bound (arrow). */
export type Shape = 'exacte' | 'approchee' | 'minimum' | 'maximum';

export interface IndicatorDatum {
  indicateur: string;
  libelle: string;
  ordre: number;
  unite: Unit;
  annee: number;
  etat: string;
  valeur: number | null;
  forme: Shape;
  /** End of the arrow drawn for a bound (null for an exact value). */
  fleche: number | null;
  etiquette: string;
  /** The median of the QPV of France, same year and perimeter (national files only): the third mark. */
  mediane?: number;
  etiquette_mediane?: string;
  reference: number | null;
  etiquette_reference: string;
  ecart: number | null;
  forme_ecart: Shape;
  etiquette_ecart: string;
  indice: number | null;
  forme_indice: Shape;
  etiquette_indice: string;
  sens: string;
  lecture: string;
  source: string;
  perimetre: string;
}

export function shapeOf(bound: string): Shape {
  if (bound === '>' || bound === '>=') return 'minimum';
  if (bound === '<' || bound === '<=') return 'maximum';
  if (bound === '~') return 'approchee';
  return 'exacte';
}

/** The latest figure of each indicator up to `year`: the portrait's rule, so charts and portrait agree. */
export const latestByIndicator = latestRows;

/** An arrow's end for a bound: a tenth of the value (or 8 points of %) in the bound's direction. */
function arrowEnd(value: number, shape: Shape, unit: Unit): number | null {
  if (shape !== 'minimum' && shape !== 'maximum') return null;
  const step = unit === 'pct' ? 8 : Math.max(Math.abs(value) * 0.1, 1);
  const end = shape === 'minimum' ? value + step : value - step;
  return unit === 'pct' ? Math.min(100, Math.max(0, end)) : end;
}

export function indicatorLabel(ind: Indicator | undefined, row: TidyRow, mainYear: number): string {
  const label = (ind?.label ?? row.libelle) || row.indicateur;
  return row.annee !== mainYear ? `${label} (${row.annee})` : label;
}

export function indicatorDatum(row: TidyRow, ind: Indicator | undefined, mainYear: number): IndicatorDatum {
  const value = row.etat === 'valeur' ? row.valeur : null;
  const forme = shapeOf(row.borne);
  const reference = row.valeur_reference;
  const gapBound = row.borne_ecart === '' ? '=' : row.borne_ecart;
  const indexBound = row.borne_ratio === '' ? '=' : row.borne_ratio;
  const decimals = Math.max(row.decimales, row.decimales_reference);
  return {
    indicateur: row.indicateur,
    libelle: indicatorLabel(ind, row, mainYear),
    ordre: ind?.order ?? 1e6,
    unite: row.unite,
    annee: row.annee,
    etat: row.etat,
    valeur: value,
    forme,
    fleche: value === null ? null : arrowEnd(value, forme, row.unite),
    etiquette: formatValue({ state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite }),
    reference,
    etiquette_reference: reference === null ? '' : formatValue({ state: 'valeur', value: reference, bound: row.borne_reference, decimals: row.decimales_reference, unit: row.unite }),
    ecart: row.ecart_points,
    forme_ecart: gapBound === '?' ? 'approchee' : shapeOf(gapBound),
    etiquette_ecart: row.ecart_points === null ? '' : gapBound === '?' ? `${formatGap(row.ecart_points, '=', decimals, row.unite)} (borne : signe incertain)` : formatGap(row.ecart_points, gapBound, decimals, row.unite),
    indice: row.indice,
    forme_indice: indexBound === '?' ? 'approchee' : shapeOf(indexBound),
    etiquette_indice: row.indice === null ? '' : `${indexBound === '?' ? '' : boundPrefix(indexBound)}${formatFrenchNumber(row.indice, 0)}`,
    sens: row.sens || '',
    lecture: words.sensLabels[row.sens || ''] ?? '',
    source: row.source,
    perimetre: PERIMETER_WORDS[row.perimetre] ?? PERIMETER_WORDS['']!,
    // Only where national files gave it, so that a chart without it keeps its bytes.
    ...(row.mediane_qpv === null ? {} : { mediane: row.mediane_qpv, etiquette_mediane: formatValue({ state: 'valeur', value: row.mediane_qpv, bound: '', decimals: medianDecimals(row.mediane_qpv, row.decimales, row.unite), unit: row.unite }) }),
  };
}

function boundPrefix(bound: string): string {
  return ({ '>': 'plus de ', '>=': 'au moins ', '<': 'moins de ', '<=': 'au plus ', '~': 'environ ' } as Record<string, string>)[bound] ?? '';
}

/** Most frequent year among rows (ties: the latest): the year a chart's title states. */
export function mainYearOf(rows: { annee: number }[]): number {
  const counts = new Map<number, number>();
  for (const r of rows) counts.set(r.annee, (counts.get(r.annee) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 0;
}

/** Indicators of a quartier at the report's year, in catalogue order, filtered. */
export function quartierIndicators(rows: TidyRow[], catalogue: Catalogue, year: number, keep: (row: TidyRow, ind: Indicator | undefined) => boolean): { data: IndicatorDatum[]; rows: TidyRow[]; mainYear: number } {
  const byId = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const latest = latestByIndicator(rows, year);
  const kept = [...latest.values()].filter((r) => keep(r, byId.get(r.indicateur)));
  kept.sort((a, b) => (byId.get(a.indicateur)?.order ?? 1e6) - (byId.get(b.indicateur)?.order ?? 1e6) || (a.indicateur < b.indicateur ? -1 : 1));
  const mainYear = mainYearOf(kept);
  return { data: kept.map((r) => indicatorDatum(r, byId.get(r.indicateur), mainYear)), rows: kept, mainYear };
}

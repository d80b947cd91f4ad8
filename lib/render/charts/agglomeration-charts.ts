// The charts across the quartiers of one agglomeration (EPCI): an index
// heatmap (reference = 100) and a ranking per indicator, QPV and QIC apart.

import type { Catalogue, Unit } from '../../model/types.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import { charts as words } from '../../messages/charts.ts';
import { indicatorDatum, latestByIndicator, type IndicatorDatum } from './chart-rows.ts';
import { IS_BOUND, tooltip, topLevel, withY } from './spec-parts.ts';
import { COLORS, SIZES, type VlSpec } from './theme.ts';
import type { ChartResult } from './quartier-charts.ts';

export interface AgglomerationQuartier {
  code: string;
  name: string;
  status: string;
  rows: TidyRow[];
}

export interface AgglomerationChartInput {
  epciName: string;
  quartiers: AgglomerationQuartier[];
  catalogue: Catalogue;
  year: number;
}

type Cell = IndicatorDatum & { quartier: string; statut: string; ligne: string; ordre_quartier: number; case: string };

const STATUS_ORDER: Record<string, number> = { QPV: 0, QIC: 1 };
const COMPARED: Unit[] = ['pct', 'indice', 'euros', 'nombre'];

function cells(input: AgglomerationChartInput, keep: (r: TidyRow) => boolean): { cells: Cell[]; rows: TidyRow[] } {
  const byId = new Map(input.catalogue.indicators.map((i) => [i.id, i]));
  const qs = [...input.quartiers].sort((a, b) => (STATUS_ORDER[a.status] ?? 9) - (STATUS_ORDER[b.status] ?? 9) || a.name.localeCompare(b.name, 'fr') || (a.code < b.code ? -1 : 1));
  const out: Cell[] = [];
  const used: TidyRow[] = [];
  qs.forEach((q, i) => {
    for (const r of latestByIndicator(q.rows, input.year).values()) {
      if (!keep(r)) continue;
      used.push(r);
      const d = indicatorDatum(r, byId.get(r.indicateur), -1);
      out.push({
        ...d, libelle: (byId.get(r.indicateur)?.label ?? r.libelle) + (words.unitSuffix[r.unite] ?? ''),
        quartier: q.name, statut: q.status, ligne: `${q.name} (${q.status || '?'})`, ordre_quartier: i, case: cellText(d),
      });
    }
  });
  out.sort((a, b) => a.ordre - b.ordre || a.ordre_quartier - b.ordre_quartier);
  return { cells: out, rows: used };
}

/** What a heatmap cell prints: the index with a bound sign, « secret » or nothing. */
function cellText(d: IndicatorDatum): string {
  if (d.etat === 'secret') return words.secretCell;
  if (d.indice === null) return '';
  const sign = ({ minimum: '> ', maximum: '< ', approchee: '≈ ', exacte: '' } as const)[d.forme_indice];
  return `${sign}${Math.round(d.indice)}`;
}

const CELL_TOOLTIP = tooltip([
  ['quartier', 'quartier'], ['statut', 'statut'], ['libelle', 'indicateur'], ['etiquette', 'valeur'], ['etiquette_reference', 'reference'],
  ['etiquette_indice', 'indice'], ['lecture', 'lecture'], ['annee', 'annee'], ['source', 'source'], ['perimetre', 'perimetre'],
]);

export function indicesSpec(input: AgglomerationChartInput): ChartResult {
  const { cells: data, rows } = cells(input, (r) => COMPARED.includes(r.unite) && (r.indice !== null || r.etat === 'secret'));
  if (data.length === 0) return { skipped: words.noGap };
  const nq = new Set(data.map((d) => d.ligne)).size;
  const ni = new Set(data.map((d) => d.indicateur)).size;
  const y = { field: 'ligne', type: 'nominal', sort: { field: 'ordre_quartier', op: 'min' }, title: null, axis: { domain: false, ticks: false, labelPadding: 6 } };
  const x = { field: 'libelle', type: 'nominal', sort: { field: 'ordre', op: 'min' }, title: null, axis: { orient: 'top', labelAngle: -40, labelAlign: 'left', domain: false, ticks: false, labelFontSize: 9 } };
  const spec: VlSpec = {
    width: { step: 44 },
    height: { step: 26 },
    encoding: { x, y },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.indice)' }],
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
        encoding: {
          color: { field: 'indice', type: 'quantitative', title: words.indexAxis, scale: { type: 'log', domain: [25, 400], domainMid: 100, clamp: true, scheme: 'blueorange' }, legend: { orient: 'bottom', direction: 'horizontal', gradientLength: 240, format: ',~f', values: [25, 50, 100, 200, 400], title: words.indexAxis } },
          tooltip: CELL_TOOLTIP,
        },
      },
      {
        transform: [{ filter: '!isValid(datum.indice)' }],
        mark: { type: 'rect', fill: '#eeeeee', stroke: '#ffffff', strokeWidth: 1 },
        encoding: { tooltip: CELL_TOOLTIP },
      },
      {
        mark: { type: 'text', fontSize: 9 },
        encoding: {
          text: { field: 'case' },
          color: { condition: { test: 'isValid(datum.indice) && (datum.indice < 45 || datum.indice > 220)', value: '#ffffff' }, value: COLORS.ink },
          tooltip: CELL_TOOLTIP,
        },
      },
    ],
  };
  const cap = {
    title: words.titleIndices(input.epciName, words.chartYears(data.map((d) => d.annee))),
    subtitle: [words.chartSource(rows.map((r) => ({ source: r.source, perimetre: r.perimetre }))), words.heatmapKey],
    description: words.describeIndices(input.epciName, nq, ni),
  };
  return { spec: topLevel(cap, data, spec) };
}

export function classementSpec(input: AgglomerationChartInput): ChartResult {
  const { cells: data, rows } = cells(input, (r) => COMPARED.includes(r.unite));
  if (data.length === 0) return { skipped: words.noValue };
  const nq = new Set(data.map((d) => d.ligne)).size;
  const ni = new Set(data.map((d) => d.indicateur)).size;
  const x = { field: 'valeur', type: 'quantitative' };
  const tip = CELL_TOOLTIP;
  const status: VlSpec = { field: 'statut', type: 'nominal', title: words.statusLegend, scale: { domain: ['QPV', 'QIC'], range: [COLORS.quartier, COLORS.favorable] }, legend: { orient: 'bottom', direction: 'horizontal' } };
  const indicatorPanel = (indicator: string): VlSpec => ({
    title: { text: data.find((d) => d.indicateur === indicator)!.libelle, anchor: 'start', frame: 'group', fontSize: 11, subtitle: '' },
    transform: [{ filter: { field: 'indicateur', equal: indicator } }, { calculate: 'isValid(datum.valeur) ? -datum.valeur : 1e12', as: 'rang' }],
    width: SIZES.plotWidth,
    height: { step: 18 },
    layer: withY({ field: 'ligne', type: 'nominal', sort: { field: 'rang', op: 'min' }, title: null, axis: { domain: false, ticks: false, labelPadding: 6 } }, [
      {
        transform: [{ filter: `isValid(datum.valeur) && !(${IS_BOUND('forme')})` }],
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: { x: { ...x, title: null, scale: { zero: true, nice: true }, axis: { format: ',~f', grid: true, tickCount: 4 } }, color: status, tooltip: tip },
      },
      {
        transform: [{ filter: `isValid(datum.valeur) && (${IS_BOUND('forme')})` }],
        mark: { type: 'bar', height: { band: 0.7 }, filled: false, strokeWidth: 2, strokeDash: [4, 3] },
        encoding: { x, color: status, tooltip: tip },
      },
      {
        transform: [{ filter: 'isValid(datum.reference)' }, { aggregate: [{ op: 'max', field: 'reference', as: 'reference' }], groupby: [] }],
        mark: { type: 'rule', color: COLORS.reference, strokeWidth: 2 },
        encoding: { x: { field: 'reference', type: 'quantitative' }}, fullHeight: true,
      },
      {
        transform: [{ filter: 'isValid(datum.valeur)' }],
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: { x, text: { field: 'etiquette' } },
      },
      {
        transform: [{ filter: '!isValid(datum.valeur)' }],
        mark: { type: 'text', align: 'left', fontStyle: 'italic' },
        encoding: { x: { value: 0 }, text: { field: 'etiquette' }, tooltip: tip },
      },
    ]),
  });
  const indicators = [...new Set(data.map((d) => d.indicateur))];
  const spec: VlSpec = { vconcat: indicators.map(indicatorPanel), resolve: { scale: { x: 'independent', y: 'independent' } } };
  const cap = {
    title: words.titleClassement(input.epciName, words.chartYears(data.map((d) => d.annee))),
    subtitle: [words.chartSource(rows.map((r) => ({ source: r.source, perimetre: r.perimetre }))), words.rankingKey],
    description: words.describeClassement(input.epciName, nq, ni),
  };
  return { spec: topLevel(cap, data, spec) };
}

// Which charts a report has and where they go: four per quartier in
// `graphiques/<quartier>/`, two per agglomeration in `graphiques/` (one
// EPCI) or `graphiques/epci-<siren>/` (several EPCIs, national runs).

import type { ReportModel, QuartierReport } from '../../report/model.ts';
import { safeFileName } from '../../text/safe-file-name.ts';
import { charts as words } from '../../messages/charts.ts';
import { enjeuxSpec, ecartsSpec, quartierAgglomerationSpec, trajectoiresSpec, type ChartResult, type QuartierChartInput } from './quartier-charts.ts';
import { classementSpec, indicesSpec, type AgglomerationChartInput } from './agglomeration-charts.ts';
import type { VlSpec } from './theme.ts';

export const QUARTIER_CHARTS = ['quartier-agglomeration', 'ecarts', 'trajectoires', 'enjeux'] as const;
export const AGGLOMERATION_CHARTS = ['indices', 'classement'] as const;
export type ChartName = (typeof QUARTIER_CHARTS)[number] | (typeof AGGLOMERATION_CHARTS)[number];

const QUARTIER_BUILDERS: Record<(typeof QUARTIER_CHARTS)[number], (i: QuartierChartInput) => ChartResult> = {
  'quartier-agglomeration': quartierAgglomerationSpec,
  ecarts: ecartsSpec,
  trajectoires: trajectoiresSpec,
  enjeux: enjeuxSpec,
};
const AGGLOMERATION_BUILDERS: Record<(typeof AGGLOMERATION_CHARTS)[number], (i: AgglomerationChartInput) => ChartResult> = {
  indices: indicesSpec,
  classement: classementSpec,
};

export interface PlannedChart {
  chart: ChartName;
  /** Path without extension, relative to the reports folder: add `.vl.json`, `.svg`, `.png`. */
  path: string;
  spec: VlSpec;
}

export interface ChartPlan {
  charts: PlannedChart[];
  /** French notes for the charts not drawn, and why. */
  skipped: string[];
}

/** Folder of a quartier's charts. */
export function quartierChartDir(code: string): string {
  return `graphiques/${safeFileName(code)}`;
}

/** Folder of an agglomeration's charts: `graphiques` when the report has one EPCI. */
export function agglomerationChartDir(epciCode: string, epciCount: number): string {
  return epciCount <= 1 ? 'graphiques' : `graphiques/epci-${safeFileName(epciCode || 'inconnu')}`;
}

interface Epci {
  code: string;
  name: string;
  shortName: string;
  quartiers: QuartierReport[];
}

function epciOf(q: QuartierReport): { code: string; name: string; shortName: string } {
  if (q.quartier) return q.quartier.epci;
  const r = q.rows.find((x) => x.epci_code) ?? q.rows[0];
  return { code: r?.epci_code ?? '', name: r?.epci ?? '', shortName: r?.epci ?? '' };
}

export function groupByEpci(model: ReportModel): Epci[] {
  const out = new Map<string, Epci>();
  for (const q of model.quartiers) {
    const e = epciOf(q);
    const g = out.get(e.code) ?? { ...e, quartiers: [] };
    g.quartiers.push(q);
    out.set(e.code, g);
  }
  return [...out.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

export function planCharts(model: ReportModel): ChartPlan {
  const charts: PlannedChart[] = [];
  const skipped: string[] = [];
  const epcis = groupByEpci(model);
  for (const e of epcis) {
    for (const q of e.quartiers) {
      const input: QuartierChartInput = {
        code: q.code, name: q.name, rows: q.rows, catalogue: model.catalogue, year: model.year,
        referenceName: e.shortName || e.name || q.rows.find((r) => r.reference)?.reference || 'agglomération',
        targets: model.targets, enjeux: model.enjeux,
      };
      for (const chart of QUARTIER_CHARTS) {
        const r = QUARTIER_BUILDERS[chart](input);
        if ('spec' in r) charts.push({ chart, path: `${quartierChartDir(q.code)}/${chart}`, spec: r.spec });
        else skipped.push(words.chartsSkipped(q.name, chart, r.skipped));
      }
    }
  }
  for (const e of epcis) {
    const input: AgglomerationChartInput = {
      epciName: e.shortName || e.name || e.code,
      quartiers: e.quartiers.map((q) => ({ code: q.code, name: q.name, status: q.quartier?.status ?? q.rows[0]?.statut ?? '', rows: q.rows })),
      catalogue: model.catalogue,
      year: model.year,
    };
    const dir = agglomerationChartDir(e.code, epcis.length);
    for (const chart of AGGLOMERATION_CHARTS) {
      const r = AGGLOMERATION_BUILDERS[chart](input);
      if ('spec' in r) charts.push({ chart, path: `${dir}/${chart}`, spec: r.spec });
      else skipped.push(words.chartsSkipped(input.epciName, chart, r.skipped));
    }
  }
  return { charts, skipped };
}

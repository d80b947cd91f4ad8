// The charts of one quartier: beside its agglomeration (dumbbells), its gaps
// (diverging bars), its trajectories (lines over the contract period), and
// its indicators grouped by the contract's enjeux.

import type { Catalogue, EnjeuLink, Target, TargetDirection, Unit } from '../../model/types.ts';
import { targetDirection } from '../../measures/targets.ts';
import { seriesSegments } from '../../measures/trajectory.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import { charts as words } from '../../messages/charts.ts';
import { formatGap, formatValue } from '../portrait/format-value.ts';
import { quartierIndicators, shapeOf, type IndicatorDatum } from './chart-rows.ts';
import { INDICATOR_TOOLTIP, IS_BOUND, MARKER_SHAPES, readingColor, seriesColor, seriesTransform, tooltip, topLevel, withY, type Caption } from './spec-parts.ts';
import { COLORS, SIZES, type VlSpec } from './theme.ts';
import { fallbackEnjeux } from './enjeux-fallback.ts';

export interface QuartierChartInput {
  code: string;
  name: string;
  rows: TidyRow[];
  catalogue: Catalogue;
  year: number;
  /** Short name of the reference territory (« CABBALR »). */
  referenceName: string;
  targets: Target[];
  enjeux: EnjeuLink[];
}

export type ChartResult = { spec: VlSpec } | { skipped: string };

const COMPARABLE_UNITS: Unit[] = ['pct', 'indice', 'euros', 'nombre'];

function caption(title: string, data: { source: string; perimetre: string }[], extra: string[], description: string): Caption {
  return { title, subtitle: [words.chartSource(data), ...extra], description };
}

/** « Référence : CABBALR », then the references that cover something else (schools of some communes), named for it. */
function referenceLines(rows: TidyRow[], referenceName: string, suffix = ''): string[] {
  const others = new Set(rows.filter((r) => r.reference_niveau === 'etablissements' && r.valeur_reference !== null).map((r) => r.reference));
  return [words.chartReference(referenceName) + suffix, ...words.otherReferences([...others])];
}

const sourceParts = (rows: TidyRow[]) => rows.map((r) => ({ source: r.source, perimetre: r.perimetre }));

function unitsPresent(data: IndicatorDatum[]): Unit[] {
  return COMPARABLE_UNITS.filter((u) => data.some((d) => d.unite === u));
}

/** x scale of a unit's panel: percentages on 0-100, the rest fitted to the data. */
function unitScale(unit: Unit): VlSpec {
  return unit === 'pct' ? { domain: [0, 100], nice: false } : { zero: false, nice: true, padding: 24 };
}

const yIndicator: VlSpec = { field: 'libelle', type: 'nominal', sort: { field: 'ordre', op: 'min' }, title: null, axis: { domain: false, ticks: false, labelPadding: 8, labelFontSize: 10 } };

// ---- quartier vs agglomération ---------------------------------------------

function dumbbellPanel(unit: Unit, withMedian: boolean, withReference: boolean): VlSpec {
  const x = (field: string) => ({ field, type: 'quantitative' });
  return {
    transform: [{ filter: `datum.unite === '${unit}'` }],
    width: SIZES.plotWidth,
    height: { step: SIZES.rowStep },
    encoding: { y: yIndicator },
    layer: [
      {
        transform: [{ filter: 'isValid(datum.valeur) && isValid(datum.reference)' }],
        mark: { type: 'rule', color: '#bbbbbb', strokeWidth: 2 },
        encoding: { x: { ...x('reference'), scale: unitScale(unit), title: words.groupTitles[unit], axis: { format: ',~f', grid: true, tickCount: 5 } }, x2: { field: 'valeur' } },
      },
      {
        transform: [{ filter: 'isValid(datum.fleche)' }],
        mark: { type: 'rule', color: COLORS.quartier, strokeWidth: 1.5, strokeDash: [4, 3] },
        encoding: { x: x('valeur'), x2: { field: 'fleche' } },
      },
      {
        transform: [{ filter: 'isValid(datum.reference)' }, seriesTransform(words.seriesReference)],
        mark: { type: 'point', shape: 'diamond', filled: true, size: 90, opacity: 1 },
        encoding: { x: x('reference'), color: seriesColor(withMedian, withReference), tooltip: INDICATOR_TOOLTIP },
      },
      // The third mark: the median of the QPV of France, where national files give it.
      ...(withMedian
        ? [{
            transform: [{ filter: 'isValid(datum.mediane)' }, seriesTransform(words.seriesMedian)],
            mark: { type: 'point', shape: 'square', filled: true, size: 70, opacity: 1 },
            encoding: { x: x('mediane'), color: seriesColor(true, withReference), tooltip: [...INDICATOR_TOOLTIP, { field: 'etiquette_mediane', title: words.seriesMedian }] },
          }]
        : []),
      {
        transform: [{ filter: `isValid(datum.valeur) && !(${IS_BOUND('forme')})` }, seriesTransform(words.seriesQuartier)],
        mark: { type: 'point', filled: true, size: 90, opacity: 1 },
        encoding: { x: x('valeur'), color: seriesColor(withMedian, withReference), tooltip: INDICATOR_TOOLTIP },
      },
      {
        transform: [{ filter: `isValid(datum.valeur) && (${IS_BOUND('forme')})` }],
        mark: { type: 'point', filled: false, strokeWidth: 2, size: 110, opacity: 1, color: COLORS.quartier },
        encoding: { x: x('valeur'), shape: { field: 'forme', type: 'nominal', scale: MARKER_SHAPES, legend: null }, tooltip: INDICATOR_TOOLTIP },
      },
      {
        transform: [{ filter: 'isValid(datum.valeur)' }],
        mark: { type: 'text', dy: -12, color: COLORS.quartier, fontWeight: 'bold' },
        encoding: { x: x('valeur'), text: { field: 'etiquette' } },
      },
      {
        transform: [{ filter: 'isValid(datum.reference)' }],
        mark: { type: 'text', dy: 13, color: COLORS.muted },
        encoding: { x: x('reference'), text: { field: 'etiquette_reference' } },
      },
      {
        transform: [{ filter: '!isValid(datum.valeur)' }],
        mark: { type: 'text', align: 'left', fontStyle: 'italic', color: COLORS.ink, dy: -12 },
        encoding: { x: { value: 0 }, text: { field: 'etiquette' }, tooltip: INDICATOR_TOOLTIP },
      },
    ],
  };
}

export function quartierAgglomerationSpec(input: QuartierChartInput): ChartResult {
  const { data, rows, mainYear } = quartierIndicators(input.rows, input.catalogue, input.year, (r, ind) => COMPARABLE_UNITS.includes(r.unite) && (ind?.inPortrait ?? true));
  if (data.length === 0) return { skipped: words.noValue };
  const units = unitsPresent(data);
  const withReference = data.some((d) => d.reference !== null);
  const cap = caption(
    words.titleQuartierAgglomeration(input.name, String(mainYear)),
    sourceParts(rows),
    withReference ? referenceLines(rows, input.referenceName) : [words.noReferenceValues(input.referenceName)],
    words.describeQuartierAgglomeration(input.name, data.length, withReference ? input.referenceName : null),
  );
  const withMedian = data.some((d) => d.mediane !== undefined);
  return { spec: topLevel(cap, data, { vconcat: units.map((u) => dumbbellPanel(u, withMedian, withReference)), resolve: { scale: { x: 'independent' } } }) };
}

// ---- écarts ---------------------------------------------------------------

function gapPanel(unit: Unit): VlSpec {
  const x = { field: 'ecart', type: 'quantitative' };
  // Labels right of the bar, or right of zero for a negative bar: never over the indicator names.
  const label: VlSpec = {
    transform: [{ calculate: 'max(datum.ecart, 0)', as: 'position_etiquette' }],
    mark: { type: 'text', align: 'left', dx: 4, color: COLORS.ink },
    encoding: { x: { field: 'position_etiquette', type: 'quantitative' }, text: { field: 'etiquette_ecart' } },
  };
  return {
    transform: [{ filter: `datum.unite === '${unit}' && isValid(datum.ecart)` }],
    width: SIZES.plotWidth,
    height: { step: SIZES.barStep },
    layer: withY(yIndicator, [
      {
        transform: [{ filter: `!(${IS_BOUND('forme_ecart')})` }],
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: {
          x: { ...x, title: words.gapTitles[unit], scale: { nice: true, padding: 60 }, axis: { format: '+,~f', grid: true, tickCount: 5 } },
          x2: { datum: 0 },
          color: readingColor(true),
          tooltip: INDICATOR_TOOLTIP,
        },
      },
      {
        transform: [{ filter: IS_BOUND('forme_ecart') }],
        mark: { type: 'bar', height: { band: 0.7 }, filled: false, strokeWidth: 2, strokeDash: [4, 3] },
        encoding: { x, x2: { datum: 0 }, color: readingColor(true), tooltip: INDICATOR_TOOLTIP },
      },
      { mark: { type: 'rule', color: COLORS.ink }, encoding: { x: { datum: 0 }}, fullHeight: true },
      label,
    ]),
  };
}

export function ecartsSpec(input: QuartierChartInput): ChartResult {
  const { data, rows, mainYear } = quartierIndicators(input.rows, input.catalogue, input.year, (r) => COMPARABLE_UNITS.includes(r.unite) && r.ecart_points !== null);
  if (data.length === 0) return { skipped: words.noGap };
  const cap = caption(
    words.titleEcarts(input.name, String(mainYear)),
    sourceParts(rows),
    referenceLines(rows, input.referenceName),
    words.describeEcarts(input.name, data.length),
  );
  return { spec: topLevel(cap, data, { vconcat: unitsPresent(data).map(gapPanel), resolve: { scale: { x: 'independent' } } }) };
}

// ---- trajectoires -----------------------------------------------------------

interface TrajectoryDatum {
  panneau: string;
  ordre: number;
  serie: 'quartier' | 'cible';
  annee: number;
  etat: string;
  valeur: number | null;
  reference: number | null;
  forme: string;
  perimetre: string;
  etiquette: string;
  etiquette_reference: string;
  source: string;
  /** Segment of the quartier's line: a new one where the series breaks (another source or perimeter). */
  troncon: number;
  /** Segment of the reference's line: a new one where the reference changes (territory covered or producer). */
  troncon_reference: number;
  /** At a break, the previous figure (the dotted connector starts there) and why the two do not compare. */
  rupture_annee: number | null;
  rupture_valeur: number | null;
  rupture: string;
}

/** Segment, break and connector fields of each point of a series (`value` gives the plotted value of a row). */
function segmentFields(series: TidyRow[], value: (r: TidyRow) => number | null): Map<TidyRow, Pick<TrajectoryDatum, 'troncon' | 'troncon_reference' | 'rupture_annee' | 'rupture_valeur' | 'rupture'>> {
  const out = new Map<TidyRow, Pick<TrajectoryDatum, 'troncon' | 'troncon_reference' | 'rupture_annee' | 'rupture_valeur' | 'rupture'>>();
  const own = seriesSegments(series.filter((r) => value(r) !== null || r.etat !== 'valeur'));
  // The reference's own segments: the same rule on what it covers and who produced it.
  const references = seriesSegments(series.map((r) => ({ annee: r.annee, perimetre: '' as const, source: `${r.reference}|${r.source_reference}`, etat: r.valeur_reference === null ? ('absent' as const) : ('valeur' as const), r })));
  const refSegment = new Map(references.map((x) => [x.row.r, x.segment]));
  let previous: TidyRow | undefined;
  for (const { row, segment, breaks } of own) {
    const broken = breaks.length > 0 && previous !== undefined;
    out.set(row, {
      troncon: segment, troncon_reference: refSegment.get(row) ?? 0,
      rupture_annee: broken ? previous!.annee : null, rupture_valeur: broken ? value(previous!) : null,
      rupture: broken ? words.seriesBreak(breaks, previous!.source, row.source) : '',
    });
    if (row.etat === 'valeur' && value(row) !== null) previous = row;
  }
  return out;
}

const NO_SEGMENT = { troncon: 0, troncon_reference: 0, rupture_annee: null, rupture_valeur: null, rupture: '' };

/** How a target reads on a chart: « 35 % au plus », « écart de 0 point au plus ». */
function targetLabel(t: Target, direction: TargetDirection | null, decimals: number, unit: Unit): string {
  const side = direction ? ` ${words.targetSide[direction]}` : '';
  if (t.kind === 'ecart') return words.target(`${words.targetGap(formatGap(t.value, '=', decimals, unit))}${side}`);
  return words.target(`${formatValue({ state: 'valeur', value: t.value, bound: '=', decimals, unit })}${side}`);
}

function trajectoryData(input: QuartierChartInput): { data: TrajectoryDatum[]; rows: TidyRow[]; indicators: string[] } {
  const byId = new Map(input.catalogue.indicators.map((i) => [i.id, i]));
  const rows = input.rows.filter((r) => r.annee <= input.year && r.unite !== 'hectares');
  const targets = input.targets.filter((t) => t.quartier === input.code);
  const targetOf = (id: string) => targets.find((t) => t.indicator === id);
  const ids = [...new Set(rows.map((r) => r.indicateur))].filter((id) => {
    const years = new Set(rows.filter((r) => r.indicateur === id && r.etat === 'valeur').map((r) => r.annee));
    return years.size >= 2 || targetOf(id) !== undefined;
  });
  ids.sort((a, b) => (byId.get(a)?.order ?? 1e6) - (byId.get(b)?.order ?? 1e6) || (a < b ? -1 : 1));
  const data: TrajectoryDatum[] = [];
  const used: TidyRow[] = [];
  const labels: string[] = [];
  for (const id of ids) {
    const ind = byId.get(id);
    const series = rows.filter((r) => r.indicateur === id).sort((a, b) => a.annee - b.annee || (a.perimetre < b.perimetre ? -1 : 1));
    const first = series[0]!;
    const ordre = ind?.order ?? 1e6;
    const label = ind?.label ?? first.libelle;
    const target = targetOf(id);
    const direction = target ? (series.find((r) => r.cible_sens)?.cible_sens || targetDirection(target, ind?.polarity ?? 'neutre')) : null;
    const decimals = first.decimales;
    const levelYears = new Set(series.filter((r) => r.etat === 'valeur').map((r) => r.annee));
    // A gap target is followed on the gap series, in its own panel: never drawn as a level.
    if (levelYears.size >= 2 || target?.kind === 'valeur') {
      const panneau = `${label}${words.unitSuffix[first.unite] ?? ''}`;
      labels.push(panneau);
      const segments = segmentFields(series, (r) => (r.etat === 'valeur' ? r.valeur : null));
      for (const r of series) {
        used.push(r);
        data.push({
          panneau, ordre, serie: 'quartier', annee: r.annee, etat: r.etat, valeur: r.etat === 'valeur' ? r.valeur : null,
          reference: r.valeur_reference, forme: shapeOf(r.borne), perimetre: r.perimetre,
          etiquette: formatValue({ state: r.etat, value: r.valeur, bound: r.borne, decimals: r.decimales, unit: r.unite }),
          etiquette_reference: r.valeur_reference === null ? '' : formatValue({ state: 'valeur', value: r.valeur_reference, bound: r.borne_reference, decimals: r.decimales_reference, unit: r.unite }),
          source: r.source,
          ...segments.get(r)!,
        });
      }
      if (target?.kind === 'valeur') {
        data.push({
          panneau, ordre, serie: 'cible', annee: target.year, etat: 'valeur', valeur: target.value, reference: null, forme: 'exacte', perimetre: '2024',
          etiquette: targetLabel(target, direction, decimals, first.unite), etiquette_reference: '', source: target.at.file, ...NO_SEGMENT,
        });
      }
    }
    if (target?.kind === 'ecart') {
      const panneau = words.gapPanel(label, input.referenceName, first.unite);
      labels.push(panneau);
      const gaps = series.filter((r) => r.ecart_points !== null);
      const segments = segmentFields(gaps, (r) => r.ecart_points);
      for (const r of gaps) {
        used.push(r);
        const gapBound = r.borne_ecart === '' || r.borne_ecart === '?' ? '=' : r.borne_ecart;
        data.push({
          panneau, ordre: ordre + 0.5, serie: 'quartier', annee: r.annee, etat: r.etat, valeur: r.ecart_points, reference: 0, forme: shapeOf(gapBound), perimetre: r.perimetre,
          etiquette: formatGap(r.ecart_points!, gapBound, Math.max(r.decimales, r.decimales_reference), r.unite),
          etiquette_reference: words.gapReference, source: r.source,
          ...segments.get(r)!, troncon_reference: 0,
        });
      }
      data.push({
        panneau, ordre: ordre + 0.5, serie: 'cible', annee: target.year, etat: 'valeur', valeur: target.value, reference: null, forme: 'exacte', perimetre: '2024',
        etiquette: targetLabel(target, direction, decimals, first.unite), etiquette_reference: '', source: target.at.file, ...NO_SEGMENT,
      });
    }
  }
  return { data, rows: used, indicators: labels };
}

export function trajectoiresSpec(input: QuartierChartInput): ChartResult {
  const { data, rows, indicators } = trajectoryData(input);
  if (data.length === 0) return { skipped: words.noTrajectory };
  const gapPanels = input.targets.some((t) => t.quartier === input.code && t.kind === 'ecart');
  const years = data.map((d) => d.annee);
  const x = { field: 'annee', type: 'quantitative' };
  const height = 140;
  const tip = tooltip([['panneau', 'indicateur'], ['annee', 'annee'], ['etiquette', 'valeur'], ['etiquette_reference', 'reference'], ['source', 'source'], ['perimetre', 'perimetre']]);
  const breakTip = tooltip([['panneau', 'indicateur'], ['annee', 'annee'], ['rupture', 'rupture']]);
  const breaks = data.some((d) => d.rupture !== '');
  const hasReference = data.some((d) => d.serie === 'quartier' && d.reference !== null);
  const hasTargets = data.some((d) => d.serie === 'cible');
  const quartierRows = "datum.serie === 'quartier'";
  const cap = caption(
    words.titleTrajectoires(input.name, words.chartYears(years.filter((y) => y <= input.year))),
    sourceParts(rows),
    [
      ...(hasReference ? referenceLines(rows, input.referenceName) : [words.noReferenceValues(input.referenceName)]),
      words.trajectoryLegend(hasTargets),
      ...(breaks ? [words.seriesBreakLegend] : []),
      ...(gapPanels ? [words.gapTargetLegend] : []),
    ],
    words.describeTrajectoires(input.name, indicators, hasReference, hasTargets),
  );
  const spec: VlSpec = {
    facet: { field: 'panneau', type: 'nominal', sort: { field: 'ordre', op: 'min' }, header: { title: null, labelFontSize: 10, labelPadding: 6, labelExpr: "split(datum.label, '\\n')" } },
    columns: 2,
    spacing: { row: 16, column: 28 },
    resolve: { scale: { y: 'independent' } },
    spec: {
      width: SIZES.smallMultipleWidth,
      height,
      layer: [
        {
          transform: [{ aggregate: [{ op: 'count', as: 'n' }], groupby: [] }],
          mark: { type: 'rect', color: COLORS.period, opacity: 0.35 },
          encoding: { x: { datum: 2024, type: 'quantitative' }, x2: { datum: 2030 } },
        },
        {
          transform: [{ aggregate: [{ op: 'count', as: 'n' }], groupby: [] }],
          mark: { type: 'rule', color: COLORS.ink, strokeDash: [2, 2] },
          encoding: { x: { datum: 2024, type: 'quantitative' } },
        },
        {
          transform: [{ filter: `${quartierRows} && isValid(datum.reference)` }, seriesTransform(words.seriesReference)],
          mark: { type: 'line', strokeDash: [5, 3], strokeWidth: 2, point: { filled: true, shape: 'diamond', size: 36 } },
          encoding: { x, y: { field: 'reference', type: 'quantitative' }, detail: { field: 'troncon_reference' }, color: seriesColor(false, hasReference), tooltip: tip },
        },
        {
          transform: [{ filter: `${quartierRows} && isValid(datum.valeur)` }, seriesTransform(words.seriesQuartier)],
          mark: { type: 'line', strokeWidth: 2 },
          encoding: {
            x: { ...x, title: null, scale: { domainMax: 2030, zero: false, nice: false, padding: 8 }, axis: { format: 'd', tickMinStep: 1, tickCount: 4, labelOverlap: true, grid: false } },
            y: { field: 'valeur', type: 'quantitative', title: null, scale: { zero: false, padding: 10 }, axis: { format: ',~f', tickCount: 4 } },
            detail: { field: 'troncon' },
            color: seriesColor(false, hasReference),
          },
        },
        {
          // A break in the series: the two figures are joined by a grey dotted connector, not by the line.
          transform: [{ filter: `${quartierRows} && isValid(datum.valeur) && isValid(datum.rupture_annee)` }],
          mark: { type: 'rule', color: COLORS.muted, strokeDash: [1, 3], strokeWidth: 1.5 },
          encoding: { x: { field: 'rupture_annee', type: 'quantitative' }, x2: { field: 'annee' }, y: { field: 'rupture_valeur', type: 'quantitative' }, y2: { field: 'valeur' }, tooltip: breakTip },
        },
        {
          transform: [{ filter: `${quartierRows} && isValid(datum.valeur)` }],
          mark: { type: 'point', filled: true, size: 30, opacity: 1, color: COLORS.quartier },
          encoding: { x, y: { field: 'valeur', type: 'quantitative' }, shape: { field: 'forme', type: 'nominal', scale: MARKER_SHAPES, legend: null }, tooltip: tip },
        },
        {
          transform: [{ filter: "datum.serie === 'cible'" }],
          mark: { type: 'point', shape: 'cross', filled: true, size: 80, color: COLORS.ink, opacity: 1 },
          encoding: { x, y: { field: 'valeur', type: 'quantitative' }, tooltip: tip },
        },
        {
          transform: [{ filter: "datum.serie === 'cible'" }],
          mark: { type: 'text', align: 'right', baseline: 'top', dx: -4, dy: 8, fontSize: 9, color: COLORS.ink },
          encoding: { x, y: { field: 'valeur', type: 'quantitative' }, text: { field: 'etiquette' } },
        },
        {
          transform: [{ filter: `${quartierRows} && datum.etat === 'secret'` }],
          mark: { type: 'text', angle: 270, align: 'left', baseline: 'middle', fontSize: 9, fontStyle: 'italic', color: COLORS.ink },
          encoding: { x, y: { value: height - 4 }, text: { field: 'etiquette' }, tooltip: tip },
        },
      ],
    },
  };
  return { spec: topLevel(cap, data, spec) };
}

// ---- enjeux ------------------------------------------------------------------

export function enjeuxSpec(input: QuartierChartInput): ChartResult {
  const fallback = input.enjeux.length === 0;
  const links = fallback ? fallbackEnjeux(input.catalogue) : input.enjeux;
  const { data, rows, mainYear } = quartierIndicators(input.rows, input.catalogue, input.year, (r) => COMPARABLE_UNITS.includes(r.unite) && (r.indice !== null || r.etat !== 'valeur'));
  const enjeuOrder = [...new Set(links.map((l) => l.enjeu))];
  const out: (IndicatorDatum & { enjeu: string; ordre_enjeu: number; etiquette_enjeu: string })[] = [];
  for (const d of data) {
    const mine = links.filter((l) => l.indicator === d.indicateur);
    const groups = mine.length ? [...new Set(mine.map((l) => `${l.enjeu} : ${l.enjeuLabel}`))] : [words.otherIndicators];
    for (const g of groups) out.push({ ...d, enjeu: g, etiquette_enjeu: d.indice === null ? d.etiquette : `${d.etiquette} (indice ${d.etiquette_indice})`, ordre_enjeu: mine.length ? enjeuOrder.indexOf(mine.find((l) => `${l.enjeu} : ${l.enjeuLabel}` === g)!.enjeu) : 1e3 });
  }
  // Secrets alone would draw an empty index axis: no chart without one index.
  if (!out.some((d) => d.indice !== null)) return { skipped: words.noGap };
  const x = { field: 'indice', type: 'quantitative' };
  // Index axis from 0 to a round number above the largest index (at least 200): 100 sits in view.
  const indexMax = Math.max(200, Math.ceil(Math.max(...out.map((d) => d.indice ?? 0)) / 100) * 100 + 100);
  const groups = new Set(out.map((d) => d.enjeu)).size;
  const cap = caption(
    words.titleEnjeux(input.name, String(mainYear)),
    sourceParts(rows),
    [...referenceLines(rows, input.referenceName, ' = 100'), ...(fallback ? [words.fallbackEnjeux] : [])],
    words.describeEnjeux(input.name, groups, fallback),
  );
  const tip = tooltip([['enjeu', 'enjeu'], ['libelle', 'indicateur'], ['etiquette', 'valeur'], ['etiquette_reference', 'reference'], ['etiquette_indice', 'indice'], ['lecture', 'lecture'], ['annee', 'annee'], ['source', 'source'], ['perimetre', 'perimetre']]);
  const enjeuPanel = (name: string): VlSpec => ({
    title: { text: name, anchor: 'start', frame: 'group', fontSize: 11, subtitle: '' },
    transform: [{ filter: { field: 'enjeu', equal: name } }],
    width: SIZES.plotWidth,
    height: { step: SIZES.barStep },
    layer: withY(yIndicator, [
      {
        transform: [{ filter: `isValid(datum.indice) && !(${IS_BOUND('forme_indice')})` }],
        mark: { type: 'bar', height: { band: 0.7 } },
        encoding: { x: { ...x, title: words.indexAxis, scale: { domain: [0, indexMax], nice: false }, axis: { format: ',~f', grid: true, tickCount: 5 } }, x2: { datum: 100 }, color: readingColor(true), tooltip: tip },
      },
      {
        transform: [{ filter: `isValid(datum.indice) && (${IS_BOUND('forme_indice')})` }],
        mark: { type: 'bar', height: { band: 0.7 }, filled: false, strokeWidth: 2, strokeDash: [4, 3] },
        encoding: { x, x2: { datum: 100 }, color: readingColor(true), tooltip: tip },
      },
      { mark: { type: 'rule', color: COLORS.ink }, encoding: { x: { datum: 100 }}, fullHeight: true },
      {
        // Labels right of the bar, or right of the reference line for a bar below 100: never over the indicator names.
        transform: [{ filter: 'isValid(datum.indice)' }, { calculate: 'max(datum.indice, 100)', as: 'position_etiquette' }],
        mark: { type: 'text', align: 'left', dx: 4 },
        encoding: { x: { field: 'position_etiquette', type: 'quantitative' }, text: { field: 'etiquette_enjeu' } },
      },
      {
        transform: [{ filter: '!isValid(datum.indice)' }],
        mark: { type: 'text', align: 'left', fontStyle: 'italic' },
        encoding: { x: { value: 0 }, text: { field: 'etiquette' }, tooltip: tip },
      },
    ]),
  });
  const names = [...new Set([...out].sort((a, b) => a.ordre_enjeu - b.ordre_enjeu).map((d) => d.enjeu))];
  const spec: VlSpec = { vconcat: names.map(enjeuPanel), resolve: { scale: { x: 'shared' } } };
  return { spec: topLevel(cap, out, spec) };
}

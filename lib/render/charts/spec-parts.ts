// Pieces every chart spec shares: the top level (schema, title, description,
// config), tooltips, the colour scales of readings and series.

import { charts as words } from '../../messages/charts.ts';
import { COLORS, VEGA_LITE_SCHEMA, chartConfig, type VlSpec } from './theme.ts';

export interface Caption {
  title: string;
  /** Lines under the title: source and perimeter, reference, reading notes. */
  subtitle: string[];
  description: string;
}

export function topLevel(caption: Caption, values: object[], body: VlSpec): VlSpec {
  return {
    $schema: VEGA_LITE_SCHEMA,
    description: caption.description,
    title: { text: caption.title, subtitle: caption.subtitle },
    data: { values },
    ...body,
    config: chartConfig(),
  };
}

type TooltipKey = keyof typeof words.tooltip;

/** Tooltip fields, each with its French title (strings already formatted). */
export function tooltip(fields: [string, TooltipKey][]): VlSpec[] {
  return fields.map(([field, key]) => ({ field, type: 'nominal', title: words.tooltip[key] }));
}

export const INDICATOR_TOOLTIP = tooltip([
  ['libelle', 'indicateur'], ['etiquette', 'valeur'], ['etiquette_reference', 'reference'], ['etiquette_ecart', 'ecart'],
  ['lecture', 'lecture'], ['annee', 'annee'], ['source', 'source'], ['perimetre', 'perimetre'],
]);

/** Colour of a reading (favourable / unfavourable / neutral), keyed by its French label. */
export function readingColor(legend: boolean): VlSpec {
  const l = words.sensLabels;
  return {
    field: 'lecture',
    type: 'nominal',
    title: words.tooltip.lecture,
    scale: { domain: [l.favorable, l.defavorable, l.neutre, l.indetermine, l['']], range: [COLORS.favorable, COLORS.defavorable, COLORS.neutre, COLORS.indetermine, '#bbbbbb'] },
    legend: legend ? { title: null, values: [l.favorable, l.defavorable, l.neutre] } : null,
  };
}

/** Quartier vs reference: two series, distinguished by colour and by shape (a `serie` field the layer computes). */
export function seriesColor(withMedian = false, withReference = true): VlSpec {
  // The legend names only the series drawn: no « Agglomération » entry when the sources give no reference.
  const series: [string, string][] = [[words.seriesQuartier, COLORS.quartier]];
  if (withReference) series.push([words.seriesReference, COLORS.reference]);
  if (withMedian) series.push([words.seriesMedian, COLORS.muted]);
  return {
    field: 'serie',
    type: 'nominal',
    scale: { domain: series.map(([name]) => name), range: series.map(([, color]) => color) },
    legend: { title: null, symbolType: 'circle' },
  };
}

/** The transform that names a layer's series for `seriesColor`. */
export function seriesTransform(series: string): VlSpec {
  return { calculate: JSON.stringify(series), as: 'serie' };
}

/** Adds the shared y encoding to every layer but the full-height rules. */
export function withY(y: VlSpec, layers: VlSpec[]): VlSpec[] {
  return layers.map((l) => (l.fullHeight ? (({ fullHeight: _, ...rest }) => rest)(l) : { ...l, encoding: { y, ...(l.encoding as VlSpec) } }));
}

export const MARKER_SHAPES = { domain: ['exacte', 'approchee', 'minimum', 'maximum'], range: ['circle', 'circle', 'triangle-right', 'triangle-left'] };

/** Vega expression: true for a bound (drawn open, with an arrow). */
export const IS_BOUND = (field: string) => `datum.${field} === 'minimum' || datum.${field} === 'maximum'`;

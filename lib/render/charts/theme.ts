// The look shared by every chart: the shipped font, French locale, an
// Okabe-Ito palette (safe for the common colour-vision deficiencies), sizes
// that fit the 17 cm text width of an A4 page at 96 dpi, no truncated text.

import { FR_FORMAT_LOCALE, FR_TIME_LOCALE } from './locale-fr.ts';

export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
export const CHART_FONT = 'DejaVu Sans';

/** Okabe & Ito (2008): distinguishable with protanopia, deuteranopia, tritanopia. */
export const COLORS = {
  quartier: '#0072B2',
  reference: '#E69F00',
  favorable: '#009E73',
  defavorable: '#D55E00',
  neutre: '#999999',
  indetermine: '#CC79A7',
  period: '#F0E442',
  ink: '#222222',
  muted: '#555555',
  grid: '#dddddd',
} as const;

/** Plot widths (px) chosen so that labels + plot stay under ~640 px (17 cm at 96 dpi). */
export const SIZES = {
  plotWidth: 300,
  smallMultipleWidth: 250,
  rowStep: 34,
  barStep: 22,
} as const;

/** A Vega-Lite spec as plain JSON: checked against the schema in the tests. */
export type VlSpec = Record<string, unknown>;

export function chartConfig(): VlSpec {
  return {
    font: CHART_FONT,
    locale: { number: FR_FORMAT_LOCALE, time: FR_TIME_LOCALE },
    background: '#ffffff',
    padding: 8,
    view: { stroke: null },
    title: { anchor: 'start', fontSize: 13, subtitleFontSize: 10, subtitleColor: COLORS.muted, limit: 0, subtitlePadding: 4, offset: 10 },
    axis: { labelLimit: 0, labelFontSize: 10, titleFontSize: 10, titleFontWeight: 'normal', gridColor: COLORS.grid, domainColor: '#888888', tickColor: '#888888', titleLimit: 0 },
    legend: { labelLimit: 0, titleLimit: 0, labelFontSize: 10, titleFontSize: 10, orient: 'bottom', direction: 'horizontal' },
    header: { labelLimit: 0, titleLimit: 0, labelFontSize: 11, labelFontWeight: 'bold', labelAnchor: 'start', labelAlign: 'left', title: null },
    text: { fontSize: 10, limit: 0 },
    concat: { spacing: 18 },
  };
}

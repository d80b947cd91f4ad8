// The caption of an embedded chart: the title (with its subtitle) and the
// description of its Vega-Lite spec.

import { specCaption } from '../charts/spec-caption.ts';

export interface ChartCaption {
  title: string;
  description: string;
}

/** Throws on text that is not JSON; missing fields give empty strings. */
export function chartCaption(specText: string): ChartCaption {
  const c = specCaption(JSON.parse(specText));
  return { title: [c.title, c.subtitle].filter(Boolean).join(' – '), description: c.description };
}

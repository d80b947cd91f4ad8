// The caption of an embedded chart: the title and description of its
// Vega-Lite spec (`title` may be a string, lines, or `{ text, subtitle }`).

export interface ChartCaption {
  title: string;
  description: string;
}

function text(x: unknown): string {
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) return x.filter((s) => typeof s === 'string').join(' ');
  return '';
}

/** Throws on text that is not JSON; missing fields give empty strings. */
export function chartCaption(specText: string): ChartCaption {
  const spec = JSON.parse(specText) as Record<string, unknown>;
  const t = spec.title;
  let title = text(t);
  if (t && typeof t === 'object' && !Array.isArray(t)) {
    const o = t as Record<string, unknown>;
    title = [text(o.text), text(o.subtitle)].filter(Boolean).join(' – ');
  }
  return { title, description: text(spec.description) };
}

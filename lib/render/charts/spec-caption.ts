// The words a Vega-Lite spec carries about itself: its title (a string,
// lines, or `{ text, subtitle }`), subtitle and description. Workbooks and
// the HTML report caption charts with them.

export interface SpecCaption {
  title: string;
  subtitle: string;
  description: string;
}

function text(x: unknown): string {
  if (typeof x === 'string') return x;
  if (Array.isArray(x)) return x.filter((s) => typeof s === 'string').join(' ');
  return '';
}

/** Missing fields give empty strings. */
export function specCaption(spec: unknown): SpecCaption {
  const s = (typeof spec === 'object' && spec !== null ? spec : {}) as Record<string, unknown>;
  const t = s.title;
  if (t && typeof t === 'object' && !Array.isArray(t)) {
    const o = t as Record<string, unknown>;
    return { title: text(o.text), subtitle: text(o.subtitle), description: text(s.description) };
  }
  return { title: text(t), subtitle: '', description: text(s.description) };
}

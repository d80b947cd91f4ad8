// The words a Vega-Lite spec carries about itself: its title (a string,
// lines, or `{ text, subtitle }`), subtitle and description. Workbooks and
// the HTML report caption charts with them.

export interface SpecCaption {
  title: string;
  subtitle: string;
  description: string;
}

/**
 * A string, or its lines: a title's lines are one text wrapped (joined by a
 * space); a subtitle's are sentences (« Source : SIG Ville 2022. Référence :
 * CABBALR. », never « … 2022 Référence … »).
 */
function text(x: unknown, sentences = false): string {
  if (typeof x === 'string') return x;
  if (!Array.isArray(x)) return '';
  const lines = x.filter((s): s is string => typeof s === 'string' && s.trim() !== '').map((l) => l.trim());
  if (!sentences || lines.length < 2) return lines.join(' ');
  return lines.map((l) => (/[.!?…:;]$/.test(l) ? l : `${l}.`)).join(' ');
}

/** Missing fields give empty strings. */
export function specCaption(spec: unknown): SpecCaption {
  const s = (typeof spec === 'object' && spec !== null ? spec : {}) as Record<string, unknown>;
  const t = s.title;
  if (t && typeof t === 'object' && !Array.isArray(t)) {
    const o = t as Record<string, unknown>;
    return { title: text(o.text), subtitle: text(o.subtitle, true), description: text(s.description) };
  }
  return { title: text(t), subtitle: '', description: text(s.description) };
}

// HTML built with escaping by default: every value interpolated into the
// `html` template is escaped unless it is already markup. Text from the
// sources can therefore never become markup by accident.

const MARKUP = Symbol('markup');

/** A fragment of HTML that is known to be safe (built by `html` or `raw`). */
export interface Markup {
  readonly [MARKUP]: true;
  readonly text: string;
}

/** Anything that can go into a template: text is escaped, markup is kept. */
export type Content = Markup | string | number | null | undefined | false | readonly Content[];

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** Marks trusted, already-built HTML (constants of this module only). */
export function raw(text: string): Markup {
  return { [MARKUP]: true, text };
}

function isMarkup(v: unknown): v is Markup {
  return typeof v === 'object' && v !== null && (v as Markup)[MARKUP] === true;
}

function render(v: Content): string {
  if (v === null || v === undefined || v === false) return '';
  if (isMarkup(v)) return v.text;
  if (Array.isArray(v)) return v.map(render).join('');
  return escapeHtml(String(v));
}

export function html(strings: TemplateStringsArray, ...values: Content[]): Markup {
  let out = strings[0]!;
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!;
  return raw(out);
}

/** JSON that can sit inside `<script type="application/json">`: no `<`, no line separators. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A relative URL from path segments, each percent-encoded (codes may hold `#`, `%`, spaces). */
export function hrefOf(prefix: string, relativePath: string): string {
  return prefix + relativePath.split('/').map(encodeURIComponent).join('/');
}

// Plain text (names, labels, comments from the sources) placed in Markdown
// so that it reads as the same plain text: one line, no heading, list, quote,
// emphasis, link, image, HTML tag, entity or table cell of its own, and no
// `javascript:` URL a renderer could turn into a link.

/** Characters Markdown or HTML would act on inside a line; all are ASCII punctuation, so a backslash escapes them. */
const INLINE = /[\\`*_{}[\]<>|~&!#]/g;
/** What makes a block when it starts a line: a list, a quote, a setext underline; an ordered list (its « . » or « ) » escaped). */
const LINE_START = /^(\s*)([-+=>])/;
const ORDERED = /^(\s*\d+)([.)])/;
/** Schemes that run code when a renderer links them. */
const SCRIPT_SCHEME = /\b(javascript|vbscript|data)\s*:/gi;

export function markdownText(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029\u0085\v\f]+/g, ' ')
    .replace(INLINE, '\\$&')
    .replace(SCRIPT_SCHEME, (_m, scheme: string) => `${scheme}\\:`)
    .replace(LINE_START, '$1\\$2')
    .replace(ORDERED, '$1\\$2');
}

// Numbers as French sources write them: "40,2", "2 700", "+ de 30%",
// "environ 990", "NS". Parsing keeps the bound, the approximation and the
// precision; nothing is flattened into a plain number.

import type { Bound, CellState, ParsedNumber } from '../model/types.ts';

export interface InvalidNumber {
  state: 'invalide';
  text: string;
}

export interface ParseOptions {
  /** What an empty cell means in this kind of file (INSEE panels: masked). */
  empty?: Exclude<CellState, 'valeur'>;
}

const SECRET_MARKERS = new Set(['s', 'ns', 'c', 'secret', 'secret statistique', 'x', 'nc']);
const ABSENT_MARKERS = new Set(['nd', 'n.d.', 'n/d', 'so', 's.o.', '-', '–', '—', 'na', 'n/a', '.', '..']);

// Words before a number, longest first so that "plus de" wins over "plus".
const PREFIXES: [RegExp, Bound][] = [
  [/^(?:au moins|supérieur ou égal à|superieur ou egal a|>=|≥|=>)\s*/i, '>='],
  [/^(?:au plus|inférieur ou égal à|inferieur ou egal a|<=|≤|=<)\s*/i, '<='],
  [/^(?:plus de|\+\s*de|supérieur à|superieur a|sup\.?\s*à|>)\s*/i, '>'],
  [/^(?:moins de|-\s*de|inférieur à|inferieur a|inf\.?\s*à|<)\s*/i, '<'],
  [/^(?:environ|env\.|approximativement|près de|pres de|≈|~|ca\.)\s*/i, '~'],
];

// Every kind of space a spreadsheet or a word processor puts in "2 700".
const SPACES = /[\s\u00a0\u202f\u2009\u2007]/g;

export function isInvalid(n: ParsedNumber | InvalidNumber): n is InvalidNumber {
  return n.state === 'invalide';
}

export function parseFrenchNumber(raw: string, options: ParseOptions = {}): ParsedNumber | InvalidNumber {
  const plain = parsePlainNumber(raw);
  if (plain) return plain;
  const text = raw;
  let s = raw.trim();
  const missing = (state: Exclude<CellState, 'valeur'>): ParsedNumber => ({
    state, value: null, bound: '=', decimals: 0, percent: false, text,
  });
  if (s === '') return missing(options.empty ?? 'absent');
  const lower = s.toLowerCase();
  if (SECRET_MARKERS.has(lower)) return missing('secret');
  if (ABSENT_MARKERS.has(lower)) return missing('absent');

  let bound: Bound = '=';
  for (const [re, b] of PREFIXES) {
    const m = re.exec(s);
    if (m) {
      bound = b;
      s = s.slice(m[0].length);
      break;
    }
  }
  let percent = false;
  const pct = /\s*%$/.exec(s);
  if (pct) {
    percent = true;
    s = s.slice(0, pct.index);
  }
  s = s.replace(/^\+(?=\d)/, '').replace(/^\u2212/, '-');
  // A space between digits is a thousands separator, or a typing error (« 4 0 »): never glued away.
  const digits = s.trim().replace(/^-\s*/, '');
  if (/\d[\s\u00a0\u202f\u2009\u2007]+\d/.test(digits) && !THOUSANDS_GROUPS.test(digits)) return { state: 'invalide', text };
  const parsed = parseDigits(s.replace(SPACES, ''));
  if (!parsed) return { state: 'invalide', text };
  return { state: 'valeur', value: parsed.value, bound, decimals: parsed.decimals, percent, text };
}

/** « 2 700 », « 12 345,6 », « 1 234 567 »: groups of three after the first, one space of any kind between. */
const THOUSANDS_GROUPS = /^\d{1,3}(?:[\s\u00a0\u202f\u2009\u2007]\d{3})+(?:[.,]\d+)?$/;

const DIGIT_0 = 48;
const DIGIT_9 = 57;

/**
 * Fast path for the cells that make up most of a national file: `-?digits`
 * with at most one `.` or `,` followed by digits (`40,2`, `13748.0`, `2021`).
 * A character scan, no regular expression; anything else returns undefined
 * and goes through the full parser.
 */
function parsePlainNumber(text: string): ParsedNumber | undefined {
  const n = text.length;
  if (n === 0 || n > 20) return undefined;
  let i = text.charCodeAt(0) === 45 ? 1 : 0; // '-'
  const intStart = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c < DIGIT_0 || c > DIGIT_9) break;
    i++;
  }
  if (i === intStart) return undefined;
  let mark = -1;
  let comma = false;
  if (i < n) {
    const c = text.charCodeAt(i);
    if (c !== 46 && c !== 44) return undefined; // '.' or ','
    comma = c === 44;
    mark = i++;
    if (i === n) return undefined;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d < DIGIT_0 || d > DIGIT_9) return undefined;
      i++;
    }
  }
  const value = Number(comma ? text.slice(0, mark) + '.' + text.slice(mark + 1) : text);
  let decimals = mark < 0 ? 0 : n - mark - 1;
  // "13748.0": a float written by a program, not a precision chosen by a person.
  if (!comma && decimals > 0 && allZeros(text, mark + 1)) decimals = 0;
  return { state: 'valeur', value: Object.is(value, -0) ? 0 : value, bound: '=', decimals, percent: false, text };
}

function allZeros(text: string, from: number): boolean {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) !== DIGIT_0) return false;
  return true;
}

function parseDigits(s: string): { value: number; decimals: number } | null {
  if (!/^-?[\d.,]+(?:[eE][-+]?\d+)?$/.test(s) || !/\d/.test(s)) return null;
  const negative = s.startsWith('-');
  let body = negative ? s.slice(1) : s;
  const commas = (body.match(/,/g) ?? []).length;
  const dots = (body.match(/\./g) ?? []).length;
  let intPart: string;
  let fracPart = '';
  if (commas && dots) {
    // "1.234,5" (European) or "1,234.5" (English): the last one is the decimal mark.
    const decimalMark = body.lastIndexOf(',') > body.lastIndexOf('.') ? ',' : '.';
    const thousandsMark = decimalMark === ',' ? '.' : ',';
    if ((body.match(decimalMark === ',' ? /,/g : /\./g) ?? []).length > 1) return null;
    const [i, f = ''] = body.split(decimalMark);
    if (!/^\d{1,3}(?:[.,]\d{3})*$/.test(i ?? '') || i?.includes(decimalMark)) return null;
    intPart = (i ?? '').split(thousandsMark).join('');
    fracPart = f;
  } else if (commas + dots > 1) {
    // "1.234.567" or "1,234,567": thousands only.
    if (!/^\d{1,3}(?:[.,]\d{3})+$/.test(body)) return null;
    intPart = body.replace(/[.,]/g, '');
  } else {
    const mark = commas ? ',' : dots ? '.' : '';
    const [i, f = ''] = mark ? body.split(mark) : [body];
    intPart = i ?? '';
    fracPart = f;
  }
  const exp = /[eE][-+]?\d+$/.exec(fracPart || intPart);
  let expText = '';
  if (exp) {
    expText = exp[0];
    if (fracPart) fracPart = fracPart.slice(0, exp.index);
    else intPart = intPart.slice(0, exp.index);
  }
  if (!/^\d+$/.test(intPart) || !/^\d*$/.test(fracPart)) return null;
  body = `${intPart}${fracPart ? '.' + fracPart : ''}${expText}`;
  const value = Number(body) * (negative ? -1 : 1);
  if (!Number.isFinite(value)) return null;
  // « 1e-400 »: too small for a number, read as 0; a figure is never silently zeroed.
  if (value === 0 && /[1-9]/.test(intPart + fracPart)) return null;
  // "13748.0": a float written by a program, not a precision chosen by a person.
  const decimals = expText || (/^0+$/.test(fracPart) && !commas) ? 0 : fracPart.length;
  return { value: Object.is(value, -0) ? 0 : value, decimals };
}

// ---- formatting -----------------------------------------------------------

/** Narrow no-break space: the thousands separator of French typography. */
export const NNBSP = '\u202f';
/** No-break space: before « % », « : » and units. */
export const NBSP = '\u00a0';

/** 2700 → "2 700", 40.2 (1 decimal) → "40,2", -3.5 → "−3,5" (true minus sign). */
export function formatFrenchNumber(value: number, decimals = 0, options: { sign?: boolean } = {}): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [i = '0', f] = fixed.split('.');
  const grouped = i.length > 3 ? i.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP) : i;
  const body = f ? `${grouped},${f}` : grouped;
  const isZero = Number(fixed) === 0;
  if (value < 0 && !isZero) return `\u2212${body}`;
  if (options.sign && !isZero) return `+${body}`;
  return body;
}

const BOUND_WORDS: Record<Bound, string> = {
  '=': '',
  '>': 'plus de ',
  '>=': 'au moins ',
  '<': 'moins de ',
  '<=': 'au plus ',
  '~': 'environ ',
};

/** The French words that introduce a bounded or approximate value. */
export function boundWords(bound: Bound): string {
  return BOUND_WORDS[bound];
}

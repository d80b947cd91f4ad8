// The tidy table as RFC 4180 CSV: UTF-8, `.` decimals, CRLF, every field
// that needs it quoted, and text that a spreadsheet would run as a formula
// defused (OWASP CSV injection).

import type { TidyRow } from '../../model/tidy-row.ts';
import { TIDY_COLUMNS } from '../../model/tidy-row.ts';

/** Columns whose values come from a closed list (`=`, `>`, …): never defused. */
const CODE_COLUMNS = new Set<string>(TIDY_COLUMNS.filter((c) => c.startsWith('borne')));

export function csvField(value: unknown, column = ''): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? formatCsvNumber(value) : String(value);
  if (typeof value === 'string' && !CODE_COLUMNS.has(column) && looksLikeFormula(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** `=…`, `@…`, or `+`/`-` followed by something a spreadsheet would evaluate. */
export function looksLikeFormula(s: string): boolean {
  if (/^[=@\t\r]/.test(s)) return true;
  return /^[+-]/.test(s) && /[(|!=]/.test(s);
}

export function formatCsvNumber(x: number): string {
  if (!Number.isFinite(x)) return '';
  // Fast path (most cells): a shortest form of at most 12 characters has at
  // most 12 significant digits, which toPrecision(12) would give back unchanged.
  const s = String(x);
  if (s.length <= 12 && !s.includes('e')) return s;
  return String(Number(x.toPrecision(12)));
}

export function tidyCsv(rows: TidyRow[], columns: (keyof TidyRow)[] = TIDY_COLUMNS): string {
  return [...tidyCsvChunks(rows, columns)].join('');
}

/**
 * The same text in pieces of `linesPerChunk` lines, for writing as it is
 * made: the national table is 90 MB, and built as one string (with the
 * array of its lines) it pushed the process to a gigabyte before the first
 * chart was drawn.
 */
export function* tidyCsvChunks(rows: TidyRow[], columns: (keyof TidyRow)[] = TIDY_COLUMNS, linesPerChunk = 2000): Generator<string> {
  let lines = [columns.join(',')];
  for (const r of rows) {
    lines.push(columns.map((c) => csvField(r[c], c)).join(','));
    if (lines.length >= linesPerChunk) {
      yield lines.join('\r\n') + '\r\n';
      lines = [];
    }
  }
  if (lines.length) yield lines.join('\r\n') + '\r\n';
}

// The tidy table as RFC 4180 CSV: UTF-8, `.` decimals, CRLF, every field
// that needs it quoted, and text that a spreadsheet would run as a formula
// defused (OWASP CSV injection).

import type { TidyRow } from '../../model/tidy-row.ts';
import { TIDY_COLUMNS } from '../../model/tidy-row.ts';

/**
 * Columns whose values are the tool's own vocabulary (`=`, `>=`, `favorable`,
 * `resserre`…), never text from the sources: written as they are. Every
 * other text column may carry text from the sources.
 */
const VOCABULARY_COLUMNS = new Set<string>([
  ...TIDY_COLUMNS.filter((c) => c.startsWith('borne')),
  'statut', 'unite', 'etat', 'perimetre', 'reference_niveau', 'sens', 'convergence', 'convergence_pas_long', 'convergence_base',
  'alerte_evolution', 'alerte_base', 'situation_base', 'rang_certain', 'ordre_rang', 'cible_type', 'cible_sens', 'atteignable',
]);

/** A field of the CSV; text from the sources that a spreadsheet would run as a formula gets a leading apostrophe. */
export function csvField(value: unknown, column = ''): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? formatCsvNumber(value) : String(value);
  if (typeof value === 'string' && !VOCABULARY_COLUMNS.has(column) && looksLikeFormula(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Text a spreadsheet may take for a formula (OWASP CSV injection): it starts
 * with `=`, `+`, `-`, `@`, a tab or a carriage return. « + de 30 % » and
 * « -2+3 » included: quoting a CSV field does not neutralise them.
 */
export function looksLikeFormula(s: string): boolean {
  return /^[=+\-@\t\r]/.test(s);
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

// Text → a header and rows of strings, with the line of every row. The
// delimiter is detected; metadata rows above the header (INSEE, Observatoire
// des territoires) are skipped and kept apart. Values stay strings: types
// are decided later, column by column, by the kind of file.

import { parse } from 'csv-parse/sync';
import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';
import { countLineFeeds, splitRecords, withoutBom } from './csv-split.ts';

export type Delimiter = ';' | ',' | '\t' | '|';

export interface CsvTable {
  /** Empty for a sheet of a workbook. */
  delimiter: Delimiter | '';
  /** Rows above the header, joined as text (titles, "Source : …", notes). */
  preamble: string[];
  header: string[];
  /** 1-based line of the header in the file. */
  headerLine: number;
  rows: string[][];
  /** 1-based line where each row starts. */
  lines: number[];
}

const CANDIDATES: Delimiter[] = [';', ',', '\t', '|'];

/** Count delimiters outside quotes on each of the first non-empty lines; keep the most regular. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text.slice(0, 65536).split(/\r?\n/, 60).filter((l) => l.trim() !== '');
  let best: Delimiter = ';';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [c, f] of freq) score = Math.max(score, f * 1000 + c);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

export function parseCsvTable(text: string, file: string): CsvTable {
  if (text.trim() === '') throw new DataError(msg.emptyFile(file), { file });
  const delimiter = detectDelimiter(text);
  const { rowsAll, starts } = parseRecords(text, delimiter, file);
  return tableFromRecords(rowsAll, starts, file, delimiter);
}

/**
 * Records (of a CSV file, or a sheet of a workbook) → the table under its
 * header, the rows above it kept as preamble. `starts` gives each record's
 * line (the row number of a sheet).
 */
export function tableFromRecords(rowsAll: string[][], starts: number[], file: string, delimiter: Delimiter | ''): CsvTable {
  const headerIndex = findHeaderIndex(rowsAll);
  if (headerIndex < 0) throw new DataError(msg.noHeader(file), { file, line: 1 });
  const header = rowsAll[headerIndex]!.map((h) => h.replace(/^\ufeff/, '').trim());
  // Trailing empty header cells (a delimiter at the end of every line) are dropped.
  while (header.length > 1 && header[header.length - 1] === '') header.pop();
  const seen = new Map<string, number>();
  header.forEach((h, i) => {
    if (h === '') throw new DataError(msg.emptyHeaderCell(file, starts[headerIndex]!, i + 1), { file, line: starts[headerIndex]!, column: i + 1 });
    const key = h.toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new DataError(msg.duplicateHeader(file, starts[headerIndex]!, h, first + 1, i + 1), { file, line: starts[headerIndex]!, column: h });
    }
    seen.set(key, i);
  });
  const rows: string[][] = [];
  const lines: number[] = [];
  for (let i = headerIndex + 1; i < rowsAll.length; i++) {
    const rec = rowsAll[i]!;
    if (rec.every((c) => c.trim() === '')) continue;
    let cells = rec;
    if (cells.length > header.length && cells.slice(header.length).every((c) => c.trim() === '')) {
      cells = cells.slice(0, header.length);
    }
    if (cells.length !== header.length) {
      throw new DataError(msg.fieldCount(file, starts[i]!, header.length, cells.length), { file, line: starts[i]!, column: Math.min(cells.length, header.length) + 1 });
    }
    rows.push(cells);
    lines.push(starts[i]!);
  }
  return {
    delimiter,
    preamble: rowsAll.slice(0, headerIndex).map((r) => r.filter((c) => c.trim() !== '').join(' ').trim()).filter(Boolean),
    header,
    headerLine: starts[headerIndex]!,
    rows,
    lines,
  };
}

const PARSE_OPTIONS = { relax_column_count: true, skip_empty_lines: false, bom: true, trim: false } as const;

/**
 * Records and the line where each starts. Text whose line ends are all alike
 * is split here (csv-split.ts: same records as csv-parse, several times
 * faster); quote-free text with mixed line ends is split on LF; the rest
 * (lone CR, broken quoting) goes to csv-parse, which also says what is wrong.
 */
function parseRecords(text: string, delimiter: Delimiter, file: string): { rowsAll: string[][]; starts: number[] } {
  const split = splitRecords(text, delimiter);
  if (split) return split;
  // Old Mac files end lines with a lone CR: csv-parse detects that, the split does not.
  if (!text.includes('"') && text.includes('\n')) return splitUnquoted(text, delimiter);
  try {
    // csv-parse's `info` (line numbers) halves its speed: the lines are counted from each record's raw text instead.
    const records = parse(text, { ...PARSE_OPTIONS, delimiter, raw: true }) as unknown as { record: string[]; raw: string }[];
    const starts: number[] = [];
    let line = 1;
    for (const r of records) {
      starts.push(line);
      // The raw text ends with the record's line end when it is LF, with only its CR when it is CRLF or CR.
      const breaks = countLineFeeds(r.raw);
      line += r.raw.endsWith('\n') ? breaks : breaks + 1;
    }
    return { rowsAll: records.map((r) => r.record), starts };
  } catch (e) {
    throw translateCsvError(e, file, text, delimiter);
  }
}

/**
 * Quote-free text whose line ends are mixed (CRLF and LF): split on LF, a
 * CR before it dropped. csv-parse would keep to the first line end it meets
 * and leave CRs in the cells or join lines.
 */
function splitUnquoted(text: string, delimiter: Delimiter): { rowsAll: string[][]; starts: number[] } {
  const lines = withoutBom(text).split('\n');
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const rowsAll = new Array<string[]>(lines.length);
  const starts = new Array<number>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    rowsAll[i] = (line.endsWith('\r') ? line.slice(0, -1) : line).split(delimiter);
    starts[i] = i + 1;
  }
  return { rowsAll, starts };
}

/** The header is the first row that is as wide as the table and mostly filled. */
function findHeaderIndex(rows: string[][]): number {
  const sample = rows.slice(0, 40);
  const widths = new Map<number, number>();
  for (const r of sample) {
    const w = nonEmptyWidth(r);
    if (w === 0) continue;
    widths.set(w, (widths.get(w) ?? 0) + 1);
  }
  let modal = 0;
  let modalCount = 0;
  for (const [w, c] of widths) if (c > modalCount || (c === modalCount && w > modal)) [modal, modalCount] = [w, c];
  for (let i = 0; i < sample.length; i++) {
    const r = sample[i]!;
    const filled = r.filter((c) => c.trim() !== '').length;
    if (filled >= 2 && filled >= Math.ceil(0.6 * modal) && nonEmptyWidth(r) >= modal) return i;
  }
  return sample.findIndex((r) => r.filter((c) => c.trim() !== '').length >= 2);
}

function nonEmptyWidth(r: string[]): number {
  let w = r.length;
  while (w > 0 && r[w - 1]!.trim() === '') w--;
  return w;
}

interface CsvParseError {
  code?: string;
  lines?: number;
  message?: string;
  column?: number | string;
}

function translateCsvError(e: unknown, file: string, text: string, delimiter: Delimiter): DataError {
  const err = (e ?? {}) as CsvParseError;
  const line = typeof err.lines === 'number' ? err.lines : undefined;
  switch (err.code) {
    case 'CSV_QUOTE_NOT_CLOSED': {
      const at = unclosedQuote(text, delimiter);
      return new DataError(msg.quoteNotClosed(file, at?.line ?? line, at?.column), { file, line: at?.line ?? line, column: at?.column });
    }
    case 'INVALID_OPENING_QUOTE':
      return new DataError(msg.quoteInsideField(file, line, typeof err.column === 'number' ? err.column + 1 : undefined), { file, line, ...(typeof err.column === 'number' ? { column: err.column + 1 } : {}) });
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return new DataError(msg.badClosingQuote(file, line), { file, line });
    default:
      return new DataError(msg.csvUnreadable(file, line, err.message ?? String(e)), { file, line });
  }
}

/** Line and field where the quote that never closes was opened. */
function unclosedQuote(text: string, delimiter: Delimiter): { line: number; column: number } | undefined {
  let line = 1;
  let field = 1;
  let quoted = false;
  let opened: { line: number; column: number } | undefined;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') i++;
      else {
        quoted = !quoted;
        if (quoted) opened = { line, column: field };
      }
    } else if (ch === '\n') {
      line++;
      if (!quoted) field = 1;
    } else if (ch === delimiter && !quoted) field++;
  }
  return quoted ? opened : undefined;
}

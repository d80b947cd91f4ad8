import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { splitRecords } from '../../lib/ingest/csv-split.ts';
import { parseCsvTable } from '../../lib/ingest/csv-table.ts';

const csvParse = (text: string, delimiter: string) =>
  parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true, trim: false }) as string[][];

/** Start lines implied by the records: each takes one line plus the line breaks inside its (quoted) cells. */
const impliedStarts = (records: string[][]) => {
  const starts: number[] = [];
  let line = 1;
  for (const r of records) {
    starts.push(line);
    line += 1 + r.reduce((n, c) => n + c.split('\n').length - 1, 0);
  }
  return starts;
};

describe('splitRecords', () => {
  it('gives csv-parse’s records, or leaves the text to it (property)', () => {
    const piece = fc.constantFrom('a', 'é', ';', ',', ' ', '"', '""', '\n', '\r\n', '\r', '"x;y"', '"p\nq"', '"r\r\ns"', '\ufeff');
    let answered = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), fc.constantFrom(';', ','), (pieces, d) => {
        const text = pieces.join('');
        const got = splitRecords(text, d);
        if (got === null) return;
        answered++;
        // Whatever the split answers, csv-parse reads without an error, and the same.
        const want = csvParse(text, d);
        expect(got.rowsAll).toEqual(want);
        expect(got.starts).toEqual(impliedStarts(want));
      }),
      { numRuns: 5000 },
    );
    // The property is not vacuous: a good share of the random texts take the fast path.
    expect(answered).toBeGreaterThan(500);
  });

  it('always splits well-formed CSV with uniform line ends, quoted cells included (property)', () => {
    const cell = fc.oneof(fc.stringMatching(/^[a-zé0-9 ,.]{0,5}$/), fc.stringMatching(/^[a-z;"\n ]{0,6}$/));
    const quoteIfNeeded = (c: string) => (/[";\n,]/.test(c) || c === '' ? `"${c.replace(/"/g, '""')}"` : c);
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.constantFrom(';', ','), fc.boolean(), (table, eol, d, bom) => {
        // In a CRLF file a line break typed in a cell is a CRLF too (as Excel writes it).
        const cells = table.map((r) => r.map((c) => c.replace(/\n/g, eol)));
        const text = (bom ? '\ufeff' : '') + cells.map((r) => r.map((c) => quoteIfNeeded(c)).join(d)).join(eol) + eol;
        const got = splitRecords(text, d);
        expect(got).not.toBeNull();
        expect(got!.rowsAll).toEqual(cells);
        expect(got!.rowsAll).toEqual(csvParse(text, d));
        expect(got!.starts).toEqual(impliedStarts(cells));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['a quote never closed', 'a;"b\nc\n'],
    ['text after a closing quote', 'a;"b"c\n'],
    ['a quote inside an unquoted field', 'a;b"c\n'],
    ['mixed line ends', 'a;"b"\r\nc\n'],
    ['lines ended by a lone CR', 'a;"b"\rc\r'],
  ])('leaves %s to csv-parse', (_what, text) => {
    expect(splitRecords(text, ';')).toBeNull();
  });
});

describe('parseCsvTable line numbers with quoted fields spanning lines', () => {
  it('numbers the rows of an LF file right', () => {
    // csv-parse's raw text of an LF record ends with its LF: counted once, not twice.
    const t = parseCsvTable('code;nom\nA;"deux\nlignes"\n\nB;x\nC;y\n', 'f.csv');
    expect(t.rows).toEqual([['A', 'deux\nlignes'], ['B', 'x'], ['C', 'y']]);
    expect(t.lines).toEqual([2, 5, 6]);
  });
  it.each([
    ['LF', 'code;nom\nA;"deux\r\nlignes"\n\nB;x\n', 'deux\r\nlignes'],
    ['CRLF', 'code;nom\r\nA;"deux\nlignes"\r\n\r\nB;x\r\n', 'deux\nlignes'],
  ])('numbers the rows right when csv-parse reads the file (mixed line ends, %s first)', (_first, text, cell) => {
    const t = parseCsvTable(text, 'f.csv');
    expect(t.rows).toEqual([['A', cell], ['B', 'x']]);
    expect(t.lines).toEqual([2, 5]);
  });
});

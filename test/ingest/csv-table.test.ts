import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { detectDelimiter, parseCsvTable } from '../../lib/ingest/csv-table.ts';
import { DataError } from '../../lib/errors.ts';
import { msg } from '../../lib/messages/index.ts';

const error = (fn: () => unknown): DataError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error('no error');
};

describe('detectDelimiter', () => {
  it.each([
    ['code;valeur;annee\nQP1;40,2;2019\n', ';'],
    ['code,valeur,annee\nQP1,"40,2",2019\n', ','],
    ['code\tvaleur\tannee\nQP1\t40,2\t2019\n', '\t'],
    ['Titre, avec une virgule\ncode;valeur;annee\nQP1;40,2;2019\nQP2;41;2019\n', ';'],
  ])('%j → %j', (text, d) => {
    expect(detectDelimiter(text)).toBe(d);
  });
});

describe('parseCsvTable', () => {
  it('skips metadata rows above the header and keeps them as the preamble', () => {
    const t = parseCsvTable('SIG Ville;;\nSource : INSEE;;\n;;\nCode;Libellé;Taux\nQP062005;Cité;40,2\n', 'f.csv');
    expect(t.preamble).toEqual(['SIG Ville', 'Source : INSEE']);
    expect(t.header).toEqual(['Code', 'Libellé', 'Taux']);
    expect(t.headerLine).toBe(4);
    expect(t.rows).toEqual([['QP062005', 'Cité', '40,2']]);
    expect(t.lines).toEqual([5]);
  });
  it('numbers lines right across CRLF, empty lines and quoted fields spanning lines', () => {
    const t = parseCsvTable('code,nom,valeur\r\nA,"deux\r\nlignes",1\r\n\r\nB,x,2\r\n', 'f.csv');
    expect(t.rows).toEqual([['A', 'deux\r\nlignes', '1'], ['B', 'x', '2']]);
    expect(t.lines).toEqual([2, 5]);
  });
  it('reads lines ended by a lone CR (old Mac exports)', () => {
    const t = parseCsvTable('code;tp60\rQP062005;40,2\rQN06205M;41\r', 'f.csv');
    expect(t.rows).toEqual([['QP062005', '40,2'], ['QN06205M', '41']]);
    expect(t.lines).toEqual([2, 3]);
  });
  it('drops a trailing delimiter on every line', () => {
    const t = parseCsvTable('a;b;\n1;2;\n', 'f.csv');
    expect(t.header).toEqual(['a', 'b']);
    expect(t.rows).toEqual([['1', '2']]);
  });
  it('reads quote-free text exactly as csv-parse does (property)', () => {
    const cell = fc.stringMatching(/^[a-z0-9 ,.é]{0,6}$/);
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell, cell), { minLength: 1, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const text = ['h1;h2;h3', ...rows.map((r) => r.join(';'))].join(eol) + eol;
        const expected = (parse(text, { delimiter: ';', relax_column_count: true }) as string[][]).slice(1);
        const t = parseCsvTable(text, 'f.csv');
        const nonEmpty = expected.filter((r) => r.some((c) => c.trim() !== ''));
        expect(t.rows).toEqual(nonEmpty);
      }),
    );
  });
  it('says where a field count differs from the header', () => {
    const e = error(() => parseCsvTable('a;b;c\n1;2;3\n1;2\n', 'f.csv'));
    expect(e.message).toBe(msg.fieldCount('f.csv', 3, 3, 2));
    expect(e.place).toMatchObject({ file: 'f.csv', line: 3, column: 3 });
  });
  it('translates an unterminated quote', () => {
    const e = error(() => parseCsvTable('a;b\n1;"2\n3;4\n', 'f.csv'));
    expect(e.message).toBe(msg.quoteNotClosed('f.csv', 2, 2));
  });
  it('refuses a duplicated column name', () => {
    const e = error(() => parseCsvTable('code;tp60;TP60\nQP1;1;2\n', 'f.csv'));
    expect(e.message).toBe(msg.duplicateHeader('f.csv', 1, 'TP60', 2, 3));
  });
});

// The byte-level reader of a published table's columns: the same values as
// csv-parse, whatever the pieces the file arrives in.

import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { CsvColumnScanner } from '../../lib/report/tidy-csv-figures.ts';

const CSV =
  '\uFEFFquartier_code,quartier,commentaire,valeur\r\n' +
  'Q1,"Cités 5, de Marles",simple,40.2\r\n' +
  'Q2,"Le ""Vieux"" Bourg","sur\r\ndeux lignes",\r\n' +
  '\r\n' +
  'Q3,\'=Formule,"",12\r\n' +
  'Q4,Dernier sans fin de ligne,x,7';

describe('CsvColumnScanner', () => {
  it('reads the wanted columns as csv-parse does, split at every byte', () => {
    const expected = (parse(CSV.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as Record<string, string>[]).map((r) => [r.valeur, r.quartier, r.absente]);
    expect(expected).toHaveLength(4);
    const bytes = new TextEncoder().encode(CSV);
    for (let cut = 0; cut <= bytes.length; cut++) {
      const got: (string | undefined)[][] = [];
      const scanner = new CsvColumnScanner(['valeur', 'quartier', 'absente'], (v) => got.push(v));
      scanner.push(bytes.subarray(0, cut));
      scanner.push(bytes.subarray(cut));
      scanner.end();
      expect(got, `cut at ${cut}`).toEqual(expected);
    }
  });
});

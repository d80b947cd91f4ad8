// Formula injection in the tidy CSV: every text from the sources that a
// spreadsheet would run gets a leading apostrophe; the tool's vocabularies
// and numbers stay as they are.

import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvField, tidyCsv } from '../../../lib/render/table/tidy-csv.ts';
import type { TidyRow } from '../../../lib/model/tidy-row.ts';
import { loadBundled } from '../../helpers/bundled.ts';

describe('formula injection in indicateurs.csv', () => {
  it.each(['=1+1', '+ de 30 %', '+A1', '-2+3', '@SUM(A1)', '\tx', '\rx', '=HYPERLINK("http://x","y")', '-'])('source text « %s » gets an apostrophe', (text) => {
    for (const column of ['quartier', 'libelle', 'valeur_source', 'fichier', 'colonne', 'source', 'enjeu_libelle', 'commune_convention', 'epci']) {
      const back = (parse(csvField(text, column) + '\r\n', { relax_quotes: true }) as string[][])[0]![0];
      expect(back, column).toBe(`'${text}`);
    }
  });

  it('the tool’s vocabularies and numbers are written as they are', () => {
    expect(csvField('=', 'borne')).toBe('=');
    expect(csvField('>=', 'borne_reference')).toBe('>=');
    expect(csvField(-3.5, 'ecart_points')).toBe('-3.5');
    expect(csvField(-12, 'evolution')).toBe('-12');
    expect(csvField('Cités 5', 'quartier')).toBe('Cités 5');
  });

  it('in a whole table: names, labels and source texts defused, bornes and numbers not', async () => {
    const { rows } = await loadBundled();
    const hostile: TidyRow[] = rows.slice(0, 3).map((r, i) => ({ ...r, quartier: ['=cmd|/C calc', '+33 1 23', '@import'][i]!, valeur_source: '-2+3', libelle: '\tTaux' }));
    const back = parse(tidyCsv(hostile), { columns: true }) as Record<string, string>[];
    for (const [i, row] of back.entries()) {
      expect(row.quartier).toBe(`'${hostile[i]!.quartier}`);
      expect(row.valeur_source).toBe("'-2+3");
      expect(row.libelle).toBe("'\tTaux");
      expect(row.borne).toBe(hostile[i]!.borne);
      if (hostile[i]!.ecart_points !== null) expect(Number(row.ecart_points)).toBe(hostile[i]!.ecart_points);
    }
  });
});

// The columns of indicateurs.csv: the outer contract's first 17 in order,
// and every measure column documented in docs/methode.md.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TIDY_COLUMNS, emptyMeasures } from '../../lib/model/tidy-row.ts';
import { REPO } from '../helpers/bundled.ts';

describe('columns of the tidy table', () => {
  it('keeps the interface\'s 17 columns first, in order', () => {
    expect(TIDY_COLUMNS.slice(0, 17)).toEqual([
      'quartier_code', 'quartier_code_2015', 'quartier', 'statut', 'indicateur', 'annee', 'valeur', 'borne', 'valeur_source', 'perimetre',
      'source', 'reference', 'valeur_reference', 'ecart_points', 'ratio', 'indice', 'sens',
    ]);
    expect(new Set(TIDY_COLUMNS).size).toBe(TIDY_COLUMNS.length);
  });

  it('documents every measure column in docs/methode.md, in French snake_case', () => {
    const doc = readFileSync(REPO + 'docs/methode.md', 'utf8');
    const measures = TIDY_COLUMNS.slice(TIDY_COLUMNS.indexOf('commune_reference_code'));
    const undocumented = measures.filter((c) => !doc.includes('`' + c + '`'));
    expect(undocumented).toEqual([]);
    expect(measures.every((c) => /^[a-z][a-z0-9_]*$/.test(c))).toBe(true);
    // every column that starts empty is written
    expect(Object.keys(emptyMeasures()).filter((c) => !TIDY_COLUMNS.includes(c as never))).toEqual([]);
  });
});

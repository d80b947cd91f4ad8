// The portrait's « Parmi les quartiers de France » prints the QPV median like
// the quartier's value: « 45,0 % » beside « 54,1 % », never « 45 % »; one
// decimal more for a rate when the median falls between two values; a count
// is rounded (no « 2 021,5 habitants »).

import { describe, expect, it } from 'vitest';
import { nationalLines } from '../../../lib/render/portrait/portrait.ts';
import { medianText } from '../../../lib/render/html/cells.ts';
import { emptyMeasures, type TidyRow } from '../../../lib/model/tidy-row.ts';
import type { Indicator, Unit } from '../../../lib/model/types.ts';
import { squash } from '../../helpers/bundled.ts';

const indicator = (id: string, unit: Unit, label: string): Indicator => ({
  id, label, portraitLabel: label, unit, polarity: 'baisse_favorable', order: 1, aliases: [], referencePhrase: '', inPortrait: true,
});
const row = (indicateur: string, unite: Unit, valeur: number, decimales: number, mediane: number): TidyRow =>
  ({
    ...emptyMeasures(), indicateur, unite, annee: 2021, etat: 'valeur', valeur, borne: '=', decimales,
    rang_national: 147, rang_national_sur: 1008, mediane_qpv: mediane, ecart_mediane_qpv: valeur - mediane,
  }) as TidyRow;

const median = (line: string) => squash(line).match(/médiane des QPV : ([^(]+) \(/)![1];

describe('national lines of the portrait', () => {
  it('prints the median with the decimals of the values, one more for a rate between two values, none more for a count', () => {
    const catalogue = {
      indicators: [indicator('taux_pauvrete', 'pct', 'Taux de pauvreté'), indicator('population', 'habitants', 'Population'), indicator('gini', 'nombre', 'Indice de Gini'), indicator('part', 'pct', 'Part')],
    };
    const lines = nationalLines(
      [row('taux_pauvrete', 'pct', 54.1, 1, 45), row('population', 'habitants', 32291, 0, 2021.5), row('gini', 'nombre', 0.236, 3, 0.23), row('part', 'pct', 40.2, 1, 42.45)],
      catalogue,
      2022,
    );
    expect(lines.map(median)).toEqual(['45,0 %', '2 022 habitants', '0,230', '42,45 %']);
  });
});

describe('the QPV median elsewhere', () => {
  it('reads the same in the HTML page as in the portrait', () => {
    expect(squash(medianText(row('taux_pauvrete', 'pct', 54.1, 1, 45)))).toBe('45,0 % (+9,1 points)');
    expect(squash(medianText(row('population', 'habitants', 32291, 0, 2021.5)))).toMatch(/^2 022 habitants/);
  });
});

// Rank among the quartiers of France and median of the QPV, in bulk.

import { describe, expect, it } from 'vitest';
import { addNationalContext, NATIONAL_MINIMUM } from '../../lib/measures/national-context.ts';
import { emptyMeasures, type TidyRow } from '../../lib/model/tidy-row.ts';
import type { Bound, CellState, Figure } from '../../lib/model/types.ts';

const fig = (territory: string, value: number | null, o: { state?: CellState; bound?: Bound; perimeter?: '2015' | '2024'; year?: number } = {}): Figure => ({
  territory, level: 'quartier', territoryName: '', indicator: 'taux_pauvrete', year: o.year ?? 2019, value, bound: o.bound ?? '=', state: o.state ?? 'valeur',
  decimals: 1, sourceText: String(value), perimeter: o.perimeter ?? '2015', sourceLabel: 'INSEE', at: { file: 'f.csv', line: 2, column: 'x' },
});
const row = (valeur: number | null, o: Partial<TidyRow> = {}): TidyRow =>
  ({ indicateur: 'taux_pauvrete', annee: 2019, perimetre: '2015', etat: 'valeur', valeur, borne: '=', ...emptyMeasures(), ...o }) as TidyRow;

/** The ranking is checked on a small panel (a minimum of 100); the real minimum is checked at its boundary below. */
const SMALL = 100;
/** `n` quartiers valued 1, 2, 3… plus the given figures. */
function panel(extra: Figure[] = [], n = SMALL): Figure[] {
  return [...Array.from({ length: n }, (_, i) => fig(`QP${String(i).padStart(6, '0')}`, i + 1)), ...extra];
}
const poverty = new Map([['taux_pauvrete', { polarity: 'baisse_favorable' as const }]]);

describe('national context', () => {
  it('ranks 1 the most unfavourable value; ties share the best rank', () => {
    const figures = panel([fig('QPX1', 50), fig('QPX2', 50)]);
    const rows = [row(50), row(1), row(100)];
    addNationalContext(rows, figures, poverty, SMALL);
    // 100 is the highest poverty: first. 50 shares rank 51 with its twin (50 values above it).
    expect(rows.map((r) => [r.rang_national, r.rang_national_sur])).toEqual([[51, 102], [102, 102], [1, 102]]);
    // Median of 1..100 with 50 twice more: the 51st and 52nd of 102 values are both 50.
    expect(rows[0]!.mediane_qpv).toBe(50);
    expect(rows[2]!.ecart_mediane_qpv).toBe(50);
  });
  it('reverses the order when a rise is favourable', () => {
    const rows = [row(1), row(100)];
    addNationalContext(rows, panel(), new Map([['taux_pauvrete', { polarity: 'hausse_favorable' as const }]]), SMALL);
    expect(rows.map((r) => r.rang_national)).toEqual([1, 100]);
  });
  it('leaves secrets, absences and bounds unranked and uncounted, and keeps perimeters and years apart', () => {
    const figures = panel([fig('QPS', null, { state: 'secret' }), fig('QPB', 3, { bound: '<' }), fig('QN1', 7, { perimeter: '2024' }), fig('QPY', 9, { year: 2020 })]);
    const rows = [row(3, { borne: '<' }), row(null, { etat: 'secret' }), row(7, { perimetre: '2024' }), row(20)];
    addNationalContext(rows, figures, poverty, SMALL);
    expect(rows.map((r) => r.rang_national)).toEqual([null, null, null, 81]);
    expect(rows[3]!.rang_national_sur).toBe(SMALL);
    expect(rows[0]!.mediane_qpv).toBe(50.5);
    expect(rows[2]!.mediane_qpv).toBeNull();
  });
  it('gives nothing under the national minimum: a regional extract (the Occitanie one has 105 quartiers) is no national comparison', () => {
    expect(NATIONAL_MINIMUM).toBeGreaterThan(300); // more than the QPV of any region
    const under = [row(3)];
    addNationalContext(under, panel([], NATIONAL_MINIMUM - 1), poverty);
    expect(under[0]!.rang_national).toBeNull();
    expect(under[0]!.mediane_qpv).toBeNull();
    const at = [row(3)];
    addNationalContext(at, panel([], NATIONAL_MINIMUM), poverty);
    expect([at[0]!.rang_national, at[0]!.rang_national_sur]).toEqual([NATIONAL_MINIMUM - 2, NATIONAL_MINIMUM]);
  });
});

// Distance to a 2030 target, the pace it needs and the pace observed.

import { describe, expect, it } from 'vitest';
import { normalizeAgainstBaseline } from '../../lib/measures/baseline.ts';
import type { Target } from '../../lib/model/types.ts';
import { CATALOGUE, EPCI, REGISTRY, fig, indicator } from './build.ts';

const target = (quartier: string, indicator: string, kind: Target['kind'], value: number): Target => ({ quartier, indicator, year: 2030, kind, value, at: { file: 'cibles.csv', line: 2, column: 'cible_valeur' } });

function measure(figures: ReturnType<typeof fig>[], targets: Target[]) {
  const rows = normalizeAgainstBaseline({ registry: REGISTRY, catalogue: CATALOGUE, figures, targets });
  return (q: string, ind: string, y: number) => rows.find((r) => r.quartier_code === q && r.indicateur === ind && r.annee === y)!;
}

describe('targets', () => {
  it('value target: distance, required and observed pace since the baseline, reachable', () => {
    const row = measure(
      [fig('QN06205M', 'taux_pauvrete', 2024, 40), fig('QN06205M', 'taux_pauvrete', 2026, 38)],
      [target('QP062005', 'taux_pauvrete', 'valeur', 35)],
    );
    // 2026: 38 − 35 = 3 above the target; needs (35 − 38) / 4 = −0,75 a year; observed (38 − 40) / 2 = −1 a year
    expect(row('QN06205M', 'taux_pauvrete', 2026)).toMatchObject({
      cible_annee: 2030, cible_type: 'valeur', cible: 35, distance_cible: 3, borne_distance_cible: '=', rythme_requis: -0.75, rythme_observe: -1, annee_rythme: 2024, atteignable: 'oui',
    });
    // 2024: no pace yet
    expect(row('QN06205M', 'taux_pauvrete', 2024)).toMatchObject({ distance_cible: 5, rythme_observe: null, atteignable: 'indetermine' });
    expect(row('QN06205M', 'taux_pauvrete', 2024).rythme_requis).toBeCloseTo(-5 / 6, 9);
  });

  it('too slow a pace does not reach the target', () => {
    const row = measure([fig('QN06205M', 'taux_pauvrete', 2024, 40), fig('QN06205M', 'taux_pauvrete', 2026, 39.5)], [target('QN06205M', 'taux_pauvrete', 'valeur', 35)]);
    // observed −0,25 a year; 39,5 − 0,25 × 4 = 38,5 > 35
    expect(row('QN06205M', 'taux_pauvrete', 2026)).toMatchObject({ rythme_observe: -0.25, atteignable: 'non' });
  });

  it('a bounded value keeps its bound in the distance and may leave reachability undecided', () => {
    const row = measure([fig('QIC-62555-01', 'taux_pauvrete', 2024, 30, '>'), fig('QIC-62555-01', 'taux_pauvrete', 2026, 27)], [target('QIC-62555-01', 'taux_pauvrete', 'valeur', 25)]);
    expect(row('QIC-62555-01', 'taux_pauvrete', 2024)).toMatchObject({ distance_cible: 5, borne_distance_cible: '>' });
    // observed pace (27 − « plus de 30 ») / 2 = « moins de −1,5 » a year: 27 − 1,5 × 4 = 21 or lower ≤ 25: reached whatever the true value
    expect(row('QIC-62555-01', 'taux_pauvrete', 2026)).toMatchObject({ rythme_observe: -1.5, atteignable: 'oui' });
    const up = measure([fig('QIC-62555-01', 'taux_pauvrete', 2024, 30, '<'), fig('QIC-62555-01', 'taux_pauvrete', 2026, 29)], [target('QIC-62555-01', 'taux_pauvrete', 'valeur', 25)]);
    // (29 − « moins de 30 ») / 2 = « plus de −0,5 »: a fall of at most 0,5 a year, 29 − 0,5 × 4 = 27 at best, above 25
    expect(up('QIC-62555-01', 'taux_pauvrete', 2026)).toMatchObject({ rythme_observe: -0.5, atteignable: 'non' });
  });

  it('gap target: the gap to the agglomeration measured against the target gap', () => {
    const row = measure(
      [
        fig('QN06205M', 'taux_emploi_15_64', 2024, 40), fig(EPCI, 'taux_emploi_15_64', 2024, 58),
        fig('QN06205M', 'taux_emploi_15_64', 2027, 43), fig(EPCI, 'taux_emploi_15_64', 2027, 58),
      ],
      [target('QN06205M', 'taux_emploi_15_64', 'ecart', -12)],
    );
    // 2027: gap −15, target −12: distance −3; needs +1 a year; observed (−15 − (−18)) / 3 = +1 a year: exactly reached
    expect(row('QN06205M', 'taux_emploi_15_64', 2027)).toMatchObject({ cible_type: 'ecart', distance_cible: -3, rythme_requis: 1, rythme_observe: 1, annee_rythme: 2024, atteignable: 'oui' });
  });

  it('a quartier already on the favourable side has reached its target: no pace asked', () => {
    // The QIC's familles monoparentales: 12 % against 16,2 % for the agglomeration, target « écart ≤ 0 » (baisse_favorable).
    const catalogue = { indicators: [...CATALOGUE.indicators, indicator('part_familles_monoparentales', 'baisse_favorable', 50)] };
    const rows = normalizeAgainstBaseline({
      registry: REGISTRY, catalogue,
      figures: [fig('QIC-62555-01', 'part_familles_monoparentales', 2024, 12), fig(EPCI, 'part_familles_monoparentales', 2024, 16.2)],
      targets: [target('QIC-62555-01', 'part_familles_monoparentales', 'ecart', 0)],
    });
    // gap 12 − 16,2 = −4,2 ≤ 0: « atteinte », and no « +0,7 point a year » (the old (0 − (−4,2)) / 6)
    expect(rows[0]).toMatchObject({ ecart_points: -4.2, cible_type: 'ecart', cible: 0, cible_sens: 'au_plus', distance_cible: -4.2, rythme_requis: null, rythme_observe: null, atteignable: 'atteinte' });
  });

  it('the polarity gives the side; a stated direction overrides it; a value target below its floor is not reached', () => {
    const row = measure([fig('QN06205M', 'taux_emploi_15_64', 2024, 40)], [target('QN06205M', 'taux_emploi_15_64', 'valeur', 38)]);
    // hausse_favorable: « au moins 38 », 40 ≥ 38
    expect(row('QN06205M', 'taux_emploi_15_64', 2024)).toMatchObject({ cible_sens: 'au_moins', atteignable: 'atteinte', rythme_requis: null });
    const capped = measure([fig('QN06205M', 'taux_emploi_15_64', 2024, 40)], [{ ...target('QN06205M', 'taux_emploi_15_64', 'valeur', 38), direction: 'au_plus' }]);
    // « au plus 38 »: 40 is 2 above, (38 − 40) / 6 a year asked
    expect(capped('QN06205M', 'taux_emploi_15_64', 2024)).toMatchObject({ cible_sens: 'au_plus', distance_cible: 2, atteignable: 'indetermine' });
    expect(capped('QN06205M', 'taux_emploi_15_64', 2024).rythme_requis).toBeCloseTo(-1 / 3, 9);
    // A neutral indicator with no stated side (validate refuses such a file) measures nothing.
    const neutral = measure([fig('QN06205M', 'part_parc_social', 2024, 80)], [target('QN06205M', 'part_parc_social', 'valeur', 60)]);
    expect(neutral('QN06205M', 'part_parc_social', 2024)).toMatchObject({ cible: 60, cible_sens: '', distance_cible: null, atteignable: '' });
  });

  it('a bound that straddles the target leaves it open; a bound wholly on its side reaches it', () => {
    // « plus de 30 % » against « au moins 25 »: every possible value is above 25
    const up = measure([fig('QIC-62555-01', 'taux_emploi_15_64', 2024, 30, '>')], [target('QIC-62555-01', 'taux_emploi_15_64', 'valeur', 25)]);
    expect(up('QIC-62555-01', 'taux_emploi_15_64', 2024)).toMatchObject({ atteignable: 'atteinte' });
    // « plus de 30 % » against « au moins 35 »: may or may not be there; no observed pace
    const open = measure([fig('QIC-62555-01', 'taux_emploi_15_64', 2024, 30, '>')], [target('QIC-62555-01', 'taux_emploi_15_64', 'valeur', 35)]);
    expect(open('QIC-62555-01', 'taux_emploi_15_64', 2024)).toMatchObject({ atteignable: 'indetermine', distance_cible: -5 });
  });

  it('a secret value keeps the target but measures nothing against it', () => {
    const row = measure([fig('QN06205M', 'taux_pauvrete', 2024, null)], [target('QN06205M', 'taux_pauvrete', 'valeur', 35)]);
    expect(row('QN06205M', 'taux_pauvrete', 2024)).toMatchObject({ etat: 'secret', cible: 35, distance_cible: null, atteignable: '', situation_base: 'pas_de_base', rang: null });
  });

  it('rows of other indicators carry no target', () => {
    const row = measure([fig('QN06205M', 'ips', 2024, 80)], [target('QN06205M', 'taux_pauvrete', 'valeur', 35)]);
    expect(row('QN06205M', 'ips', 2024)).toMatchObject({ cible: null, cible_type: '', atteignable: '' });
  });
});

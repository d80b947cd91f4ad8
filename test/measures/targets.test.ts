// Distance to a 2030 target, the pace it needs and the pace observed.

import { describe, expect, it } from 'vitest';
import { normalizeAgainstBaseline } from '../../lib/measures/baseline.ts';
import type { Target } from '../../lib/model/types.ts';
import { CATALOGUE, EPCI, REGISTRY, fig } from './build.ts';

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

  it('a secret value keeps the target but measures nothing against it', () => {
    const row = measure([fig('QN06205M', 'taux_pauvrete', 2024, null)], [target('QN06205M', 'taux_pauvrete', 'valeur', 35)]);
    expect(row('QN06205M', 'taux_pauvrete', 2024)).toMatchObject({ etat: 'secret', cible: 35, distance_cible: null, atteignable: '', situation_base: 'pas_de_base', rang: null });
  });

  it('rows of other indicators carry no target', () => {
    const row = measure([fig('QN06205M', 'ips', 2024, 80)], [target('QN06205M', 'taux_pauvrete', 'valeur', 35)]);
    expect(row('QN06205M', 'ips', 2024)).toMatchObject({ cible: null, cible_type: '', atteignable: '' });
  });
});

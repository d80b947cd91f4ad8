// Rank of the quartiers within their agglomeration, and the share of them
// whose gap narrowed.

import { describe, expect, it } from 'vitest';
import { normalizeAgainstBaseline } from '../../lib/measures/baseline.ts';
import { agglomerationConvergence } from '../../lib/measures/rank.ts';
import type { Registry } from '../../lib/model/types.ts';
import { CATALOGUE, EPCI, REGISTRY as REGISTRY_BOTH, fig, quartier } from './build.ts';

// Four quartiers of the CABBALR and one of another agglomeration.
const REG: Registry = {
  quartiers: [quartier('QN06201M'), quartier('QN06202M'), quartier('QN06203M'), quartier('QN06204M'), quartier('QN05901M', '', [{ code: '59350', name: 'Lille' }], '200093201')],
  precedence: [],
};

const rows = normalizeAgainstBaseline({
  registry: REG,
  catalogue: CATALOGUE,
  figures: [
    // taux de pauvreté 2022 (a fall is favourable): 35, 42, 35, 28 ; EPCI 18,8
    fig('QN06201M', 'taux_pauvrete', 2022, 35), fig('QN06202M', 'taux_pauvrete', 2022, 42), fig('QN06203M', 'taux_pauvrete', 2022, 35), fig('QN06204M', 'taux_pauvrete', 2022, 28),
    fig('QN05901M', 'taux_pauvrete', 2022, 50), fig(EPCI, 'taux_pauvrete', 2022, 18.8),
    // 2024: 33 (narrowed), 44 (widened), « plus de 30 » (gap > 11,2 vs 16,2: undecided), 27 (narrowed) ; EPCI 18,8
    fig('QN06201M', 'taux_pauvrete', 2024, 33), fig('QN06202M', 'taux_pauvrete', 2024, 44), fig('QN06203M', 'taux_pauvrete', 2024, 30, '>'), fig('QN06204M', 'taux_pauvrete', 2024, 27),
    fig(EPCI, 'taux_pauvrete', 2024, 18.8),
    // IPS 2022 (a rise is favourable): 80, 90, 85
    fig('QN06201M', 'ips', 2022, 80), fig('QN06202M', 'ips', 2022, 90), fig('QN06203M', 'ips', 2022, 85),
    // part du parc social (neutral): highest first
    fig('QN06201M', 'part_parc_social', 2022, 60), fig('QN06202M', 'part_parc_social', 2022, 85),
  ],
});
const row = (q: string, ind: string, y: number) => rows.find((r) => r.quartier_code === q && r.indicateur === ind && r.annee === y)!;

describe('rank among the quartiers of the agglomeration', () => {
  it('1 = most favourable; ties share a rank; counted per agglomeration', () => {
    expect([1, 2, 3, 4].map((n) => row(`QN0620${n}M`, 'taux_pauvrete', 2022).rang)).toEqual([2, 4, 2, 1]);
    expect(row('QN06201M', 'taux_pauvrete', 2022)).toMatchObject({ rang_sur: 4, rang_certain: 'oui', ordre_rang: 'favorable_d_abord' });
    expect(row('QN05901M', 'taux_pauvrete', 2022)).toMatchObject({ rang: 1, rang_sur: 1 });
  });

  it('the order flips with the polarity', () => {
    expect([1, 2, 3].map((n) => row(`QN0620${n}M`, 'ips', 2022).rang)).toEqual([3, 1, 2]);
  });

  it('a neutral indicator is ranked from the highest value, and says so', () => {
    expect(row('QN06202M', 'part_parc_social', 2022)).toMatchObject({ rang: 1, rang_sur: 2, ordre_rang: 'valeur_decroissante' });
  });

  it('a bound that cannot be ordered makes the rank uncertain, for both quartiers', () => {
    // « plus de 30 » against 33 and 44: undecided; against 27: certainly above
    expect(row('QN06203M', 'taux_pauvrete', 2024).rang_certain).toBe('non');
    expect(row('QN06201M', 'taux_pauvrete', 2024).rang_certain).toBe('non');
    expect(row('QN06202M', 'taux_pauvrete', 2024).rang_certain).toBe('non');
    expect(row('QN06204M', 'taux_pauvrete', 2024)).toMatchObject({ rang: 1, rang_certain: 'oui' });
  });
});

describe('share of the agglomeration\'s quartiers whose gap narrowed', () => {
  it('counts narrowed gaps among the compared quartiers, undecided ones in the denominator', () => {
    // 2024 vs 2022: narrowed QN06201M (14,2 < 16,2) and QN06204M (8,2 < 9,2); widened QN06202M; undecided QN06203M
    expect([1, 2, 3, 4].map((n) => row(`QN0620${n}M`, 'taux_pauvrete', 2024).convergence)).toEqual(['resserre', 'creuse', 'indetermine', 'resserre']);
    expect(row('QN06202M', 'taux_pauvrete', 2024)).toMatchObject({ quartiers_compares: 4, quartiers_resserres: 2, part_quartiers_resserres: 50 });
    const agg = agglomerationConvergence(rows).find((a) => a.epci_code === EPCI && a.indicateur === 'taux_pauvrete' && a.annee === 2024);
    expect(agg).toMatchObject({ quartiers_compares: 4, quartiers_resserres: 2, part_quartiers_resserres: 50 });
    // 2022: nothing to compare with
    expect(row('QN06202M', 'taux_pauvrete', 2022)).toMatchObject({ quartiers_compares: 0, part_quartiers_resserres: null });
  });
});

describe('a quartier read on both perimeters the same year', () => {
  it('is ranked and counted once, on its 2024 perimeter', () => {
    const both = normalizeAgainstBaseline({
      registry: REGISTRY_BOTH,
      catalogue: CATALOGUE,
      figures: [
        fig('QP062005', 'taux_pauvrete', 2022, 41, '=', { perimeter: '2015' }), fig('QN06205M', 'taux_pauvrete', 2022, 39), fig('QIC-62555-01', 'taux_pauvrete', 2022, 40),
      ],
    });
    const ranks = both.map((r) => [r.quartier_code, r.perimetre, r.rang, r.rang_sur]);
    expect(ranks).toEqual(expect.arrayContaining([['QN06205M', '2024', 1, 2], ['QIC-62555-01', '2024', 2, 2], ['QN06205M', '2015', null, null]]));
  });
});

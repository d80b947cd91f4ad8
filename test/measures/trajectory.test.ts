// Trajectories: the real Filosofi series of QP062005 (bundled
// sources/insee file), and hand-made series for convergence and baseline.

import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeAgainstBaseline } from '../../lib/measures/baseline.ts';
import type { TidyRow } from '../../lib/model/tidy-row.ts';
import { loadBundled } from '../helpers/bundled.ts';
import { CATALOGUE, EPCI, REGISTRY, fig } from './build.ts';

describe('the real Filosofi series of QP062005 (2012-2021)', () => {
  let series: TidyRow[];
  let income: TidyRow[];
  beforeAll(async () => {
    const { rows } = await loadBundled();
    const insee = (ind: string) => rows.filter((r) => r.quartier_code === 'QN06205M' && r.indicateur === ind && r.source.startsWith('INSEE'));
    series = insee('taux_pauvrete');
    income = insee('revenu_median');
  });
  const at = (rows: TidyRow[], y: number) => rows.find((r) => r.annee === y)!;

  it('compares each vintage with the previous one and flags it as consecutive vintages', () => {
    // 2021: 43,0 − 36,2 = +6,8 points ; 2020: 36,2 − 40,2 = −4,0
    expect(at(series, 2021)).toMatchObject({ annee_precedente: 2020, valeur_precedente: 36.2, evolution: 6.8, borne_evolution: '=', alerte_evolution: 'millesimes_consecutifs' });
    expect(at(series, 2020)).toMatchObject({ annee_precedente: 2019, evolution: -4, alerte_evolution: 'millesimes_consecutifs' });
    expect(at(series, 2012)).toMatchObject({ annee_precedente: null, evolution: null, alerte_evolution: '' });
    expect(series.slice(1).every((r) => r.alerte_evolution === 'millesimes_consecutifs')).toBe(true);
  });

  it('compares over a step of at least five years, without the warning', () => {
    // 2021 vs 2016: 43,0 − 41,4 = +1,6 ; 2017 vs 2012: 42,4 − 42,9 = −0,5 ; nothing before 2017
    expect(at(series, 2021)).toMatchObject({ annee_pas_long: 2016, evolution_pas_long: 1.6, borne_evolution_pas_long: '=' });
    expect(at(series, 2017)).toMatchObject({ annee_pas_long: 2012, evolution_pas_long: -0.5 });
    expect(at(series, 2016)).toMatchObject({ annee_pas_long: null, evolution_pas_long: null });
    // revenu médian 2021 vs 2016: 14 940 − 13 490 = 1 450 €
    expect(at(income, 2021)).toMatchObject({ annee_pas_long: 2016, evolution_pas_long: 1450, annee_precedente: 2020, evolution: 40 });
  });

  it('says that no figure since 2024 gives a baseline', () => {
    expect(series.every((r) => r.situation_base === 'pas_de_base' && r.annee_base === null)).toBe(true);
  });

  it('no EPCI figure in the panel: no gap, so no convergence', () => {
    expect(series.every((r) => r.convergence === '' && r.ecart_points === null)).toBe(true);
  });
});

describe('convergence of the gap and the contract baseline', () => {
  const rows = normalizeAgainstBaseline(
    {
      registry: REGISTRY,
      catalogue: CATALOGUE,
      figures: [
        fig('QIC-62555-01', 'taux_pauvrete', 2022, 33),
        fig(EPCI, 'taux_pauvrete', 2022, 18.8),
        fig('QIC-62555-01', 'taux_pauvrete', 2024, 30, '>'),
        fig(EPCI, 'taux_pauvrete', 2024, 18.8),
        fig('QIC-62555-01', 'taux_pauvrete', 2025, 28),
        fig(EPCI, 'taux_pauvrete', 2025, 18.5),
        fig('QIC-62555-01', 'taux_pauvrete', 2027, 29),
        fig(EPCI, 'taux_pauvrete', 2027, 17),
        fig('QP062005', 'taux_emploi_15_64', 2022, 40.4, '=', { perimeter: '2015', sourceLabel: 'SIG Ville 2022' }),
        fig(EPCI, 'taux_emploi_15_64', 2022, 58.8),
        fig('QN06205M', 'taux_emploi_15_64', 2025, 44.4, '=', { sourceLabel: 'Préfecture 2025' }),
        fig(EPCI, 'taux_emploi_15_64', 2025, 59.4),
      ],
    },
    { baselineFrom: 2024, longStep: 3 },
  );
  const row = (q: string, ind: string, y: number) => rows.find((r) => r.quartier_code === q && r.indicateur === ind && r.annee === y)!;

  it('a gap « plus de 11,2 » against 14,2 before cannot be ordered: indetermine', () => {
    // 2022: 33 − 18,8 = 14,2 ; 2024: > 11,2 — smaller or larger?
    expect(row('QIC-62555-01', 'taux_pauvrete', 2024)).toMatchObject({ ecart_precedent: 14.2, convergence: 'indetermine', evolution: -3, borne_evolution: '>' });
  });

  it('a gap « plus de 11,2 » against 9,5 later is known to have narrowed', () => {
    // 2025: 28 − 18,5 = 9,5 < 11,2 < gap 2024
    expect(row('QIC-62555-01', 'taux_pauvrete', 2025)).toMatchObject({ ecart_points: 9.5, convergence: 'resserre', evolution_ecart: -1.7, borne_evolution_ecart: '<' });
  });

  it('compares with the contract baseline: the first year from 2024 with a figure', () => {
    expect(row('QIC-62555-01', 'taux_pauvrete', 2022)).toMatchObject({ annee_base: 2024, situation_base: 'avant_base', evolution_base: null });
    expect(row('QIC-62555-01', 'taux_pauvrete', 2024)).toMatchObject({ situation_base: 'annee_de_base', valeur_base: 30, borne_base: '>' });
    // 2027: 29 − « plus de 30 » = « moins de −1 » ; gap 12 against « plus de 11,2 »: undecided
    expect(row('QIC-62555-01', 'taux_pauvrete', 2027)).toMatchObject({
      situation_base: 'depuis_base', evolution_base: -1, borne_evolution_base: '<', ecart_points: 12, convergence_base: 'indetermine',
      // previous available year 2025, two years before: not consecutive
      annee_precedente: 2025, alerte_evolution: '', convergence: 'creuse', annee_pas_long: 2024,
    });
  });

  it('flags a change of perimeter and of source between two years', () => {
    // 2025 on the 2024 perimeter against 2022 on the 2015 perimeter: 44,4 − 40,4 = +4 ; gap −15 against −18,4: narrowed
    expect(row('QN06205M', 'taux_emploi_15_64', 2025)).toMatchObject({
      annee_precedente: 2022, evolution: 4, ecart_points: -15, convergence: 'resserre', alerte_evolution: 'perimetres_differents|sources_differentes', situation_base: 'annee_de_base',
    });
  });

  it('keeps a year read on both perimeters and compares with the 2024 one', () => {
    const both = normalizeAgainstBaseline({
      registry: REGISTRY,
      catalogue: CATALOGUE,
      figures: [
        fig('QP062005', 'taux_pauvrete', 2024, 41, '=', { perimeter: '2015' }),
        fig('QN06205M', 'taux_pauvrete', 2024, 39),
        fig('QN06205M', 'taux_pauvrete', 2026, 38),
      ],
    });
    expect(both.filter((r) => r.annee === 2024)).toHaveLength(2);
    expect(both.find((r) => r.annee === 2026)).toMatchObject({ annee_precedente: 2024, valeur_precedente: 39, evolution: -1 });
  });
});

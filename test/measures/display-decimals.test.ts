// One number format per indicator everywhere: the catalogue's `decimales`,
// else the most decimals any source wrote; thresholds keep theirs.

import { describe, expect, it } from 'vitest';
import { normalizeAgainstBaseline } from '../../lib/measures/baseline.ts';
import { intendedDecimals } from '../../lib/measures/references.ts';
import { formatValue } from '../../lib/render/portrait/format-value.ts';
import { planCharts } from '../../lib/render/charts/chart-plan.ts';
import { CATALOGUE, EPCI, REGISTRY, fig } from './build.ts';
import { bundledModel } from '../render/charts/fixture.ts';

const shown = (r: { etat: 'valeur' | 'secret' | 'absent'; valeur: number | null; borne: '=' | '>' | '>=' | '<' | '<=' | '~'; decimales: number; unite: 'pct' }) =>
  formatValue({ state: r.etat, value: r.valeur, bound: r.borne, decimals: r.decimales, unit: r.unite });

describe('display decimals', () => {
  it('prints Filosofi\'s « 43.0 » (written without a meaningful decimal) as « 43,0 % », like the SIG Ville « 40,2 », on the bundled sources', async () => {
    const model = await bundledModel();
    const poverty = model.rows.filter((r) => r.quartier_code === 'QN06205M' && r.indicateur === 'taux_pauvrete');
    const y2021 = poverty.find((r) => r.annee === 2021)!;
    expect([y2021.valeur_source, y2021.decimales]).toEqual(['43.0', 1]);
    expect(new Set(poverty.map((r) => r.decimales))).toEqual(new Set([1]));
    const chart = planCharts(model).charts.find((c) => c.path === 'graphiques/QN06205M/trajectoires')!.spec as { data: { values: { panneau: string; annee: number; etiquette: string }[] } };
    expect(chart.data.values.find((d) => d.panneau === 'Taux de pauvreté (%)' && d.annee === 2021)!.etiquette).toBe('43,0\u00a0%');
    // A threshold keeps the decimals the source wrote: « + de 30% » is « plus de 30 % », not « plus de 30,0 % ».
    const qic = model.rows.find((r) => r.quartier_code === 'QIC-62555-01' && r.indicateur === 'taux_pauvrete')!;
    expect(shown(qic as never)).toBe('plus de 30\u00a0%');
    // The same indicator's « 12% » of the prefecture next to its « 16,2% »: both with the catalogue's one decimal.
    const mono = model.rows.find((r) => r.quartier_code === 'QIC-62555-01' && r.indicateur === 'part_familles_monoparentales')!;
    expect([mono.decimales, mono.decimales_reference]).toEqual([1, 1]);
  });

  it('without catalogue decimals, takes the most decimals written for the indicator, references included', () => {
    // fig() writes one decimal by default; 0 decimals for these
    const rows = normalizeAgainstBaseline({
      registry: REGISTRY, catalogue: CATALOGUE,
      figures: [fig('QN06205M', 'taux_emploi_15_64', 2022, 40, '=', { decimals: 0 }), fig(EPCI, 'taux_emploi_15_64', 2022, 58.75, '=', { decimals: 2 }), fig('QN06205M', 'taux_emploi_15_64', 2024, 41, '=', { decimals: 0 })],
    });
    expect(rows.map((r) => [r.annee, r.decimales, r.decimales_reference])).toEqual([[2022, 2, 2], [2024, 2, 2]]);
  });

  it('does not take binary noise for precision: the real panel\'s « 2.7030000000000003 » is 3 decimals, not 16', () => {
    // Line 716 of the real Filosofi panel (QP010004, S80/S20 2016).
    expect(intendedDecimals(16, 2.7030000000000003)).toBe(3);
    expect(intendedDecimals(1, 43)).toBe(1); // « 43.0 »: a written decimal, kept
    expect(intendedDecimals(2, 58.75)).toBe(2);
    expect(intendedDecimals(3, 0.212)).toBe(3);
    expect(intendedDecimals(0, 2700)).toBe(0);
    const rows = normalizeAgainstBaseline({
      registry: REGISTRY, catalogue: CATALOGUE,
      figures: [fig('QN06205M', 'taux_emploi_15_64', 2022, 40.1, '=', { decimals: 1 }), fig(EPCI, 'taux_emploi_15_64', 2022, 58.800000000000004, '=', { decimals: 15 })],
    });
    expect(rows.map((r) => [r.decimales, r.decimales_reference])).toEqual([[1, 1]]);
  });
});

// A target is a bound in the favourable direction; a gap target is drawn on
// the gap series (the reference at 0), never as a level equal to the
// reference of the day.

import { describe, expect, it } from 'vitest';
import { planCharts } from '../../../lib/render/charts/chart-plan.ts';
import { bundledModel } from './fixture.ts';
import { squash } from '../../helpers/bundled.ts';

type Datum = { panneau: string; serie: string; annee: number; valeur: number | null; reference: number | null; etiquette: string };

const charts = planCharts(await bundledModel()).charts;
const dataOf = (path: string) => (charts.find((c) => c.path === path)!.spec as { data: { values: Datum[] } }).data.values;

describe('targets on the trajectory chart', () => {
  it('draws the QIC\'s familles monoparentales target as a gap of at most 0,0 point, beside a gap of −4,2', () => {
    const data = dataOf('graphiques/QIC-62555-01/trajectoires');
    const panel = data.filter((d) => d.panneau.startsWith('Part des familles monoparentales'));
    expect(new Set(panel.map((d) => d.panneau))).toEqual(new Set(['Part des familles monoparentales\nécart à CABBALR (points)']));
    // 12 − 16,2 = −4,2 points in 2024, the reference at 0; the cross at 0 in 2030, not at 16,2
    expect(panel.map((d) => [d.serie, d.annee, d.valeur, d.reference])).toEqual([['quartier', 2024, -4.2, 0], ['cible', 2030, 0, null]]);
    expect(squash(panel.find((d) => d.serie === 'cible')!.etiquette)).toBe('cible 2030 : écart de 0,0 point au plus');
    expect(data.some((d) => d.valeur === 16.2)).toBe(false);
  });

  it('labels a value target as a ceiling: « 25 % au plus »', () => {
    const cross = dataOf('graphiques/QIC-62555-01/trajectoires').find((d) => d.serie === 'cible' && d.panneau === 'Taux de pauvreté (%)')!;
    expect([cross.annee, cross.valeur, squash(cross.etiquette)]).toEqual([2030, 25, 'cible 2030 : 25 % au plus']);
  });
});

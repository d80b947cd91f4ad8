// A trajectory line is cut where the series stops being comparable: QP062005's
// poverty rate goes from INSEE Filosofi 2021 (43,0 %) to the SIG Ville export
// « 2022 » (40,2 %, the Filosofi 2019 figure the export repeats).

import { describe, expect, it } from 'vitest';
import { planCharts } from '../../../lib/render/charts/chart-plan.ts';
import { seriesSegments } from '../../../lib/measures/trajectory.ts';
import { bundledModel } from './fixture.ts';

type Datum = { panneau: string; serie: string; annee: number; valeur: number | null; troncon: number; rupture_annee: number | null; rupture_valeur: number | null; rupture: string };
type Layer = { mark: { type: string; strokeDash?: number[] }; encoding: Record<string, { field?: string }>; transform?: { filter?: string }[] };

const model = await bundledModel();
const spec = planCharts(model).charts.find((c) => c.path === 'graphiques/QN06205M/trajectoires')!.spec as { data: { values: Datum[] }; spec: { layer: Layer[] }; title: { subtitle: string[] } };
const poverty = spec.data.values.filter((d) => d.panneau === 'Taux de pauvreté (%)' && d.serie === 'quartier');

describe('series breaks on the trajectory chart', () => {
  it('puts Filosofi 2012-2021 and SIG Ville 2022 in two segments, the break at 2022', () => {
    expect(poverty.filter((d) => d.troncon === 0).map((d) => d.annee)).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    expect(poverty.filter((d) => d.troncon === 1).map((d) => [d.annee, d.valeur])).toEqual([[2022, 40.2]]);
    const at2022 = poverty.find((d) => d.annee === 2022)!;
    // The connector goes from (2021, 43,0) to (2022, 40,2) and says why it is not an evolution of −2,8 points.
    expect([at2022.rupture_annee, at2022.rupture_valeur]).toEqual([2021, 43]);
    expect(at2022.rupture).toBe('rupture de série : sources différentes (INSEE Filosofi 2021 → SIG Ville 2022)');
    expect(poverty.filter((d) => d.rupture !== '').map((d) => d.annee)).toEqual([2022]);
  });

  it('draws the quartier line per segment and the break as a dotted connector, said in the caption', () => {
    const line = spec.spec.layer.find((l) => l.mark.type === 'line' && l.encoding.y?.field === 'valeur')!;
    expect(line.encoding.detail).toEqual({ field: 'troncon' });
    const connector = spec.spec.layer.find((l) => l.mark.type === 'rule' && l.encoding.x?.field === 'rupture_annee')!;
    expect(connector.mark.strokeDash).toEqual([1, 3]);
    expect([connector.encoding.y?.field, connector.encoding.y2?.field, connector.encoding.x2?.field]).toEqual(['rupture_valeur', 'valeur', 'annee']);
    expect(spec.title.subtitle).toContain('Pointillés gris : rupture de série (autre source ou autre périmètre) ; l’écart entre ces deux points n’est pas une évolution.');
  });

  it('breaks on a change of perimeter too, and not on a new year of the same source', () => {
    const row = (annee: number, perimetre: '2015' | '2024', source: string) => ({ annee, perimetre, source, etat: 'valeur' as const });
    const s = seriesSegments([row(2019, '2015', 'SIG Ville 2019'), row(2022, '2015', 'SIG Ville 2022'), row(2024, '2024', 'SIG Ville 2024')]);
    expect(s.map((x) => [x.segment, x.breaks])).toEqual([[0, []], [0, []], [1, ['perimetres_differents']]]);
  });
});

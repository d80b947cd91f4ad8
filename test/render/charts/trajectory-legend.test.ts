// The trajectory chart's legend and caption name only what is drawn: with no
// reference figure in the sources (national files only give quartiers), no
// « Agglomération » entry; with no target, no word about crosses.

import { describe, expect, it } from 'vitest';
import { trajectoiresSpec, type QuartierChartInput } from '../../../lib/render/charts/quartier-charts.ts';
import { planCharts } from '../../../lib/render/charts/chart-plan.ts';
import { msg } from '../../../lib/messages/index.ts';
import { loadBundled } from '../../helpers/bundled.ts';
import { bundledModel } from './fixture.ts';

type Spec = { title: { subtitle: string[] }; description: string; spec: { layer: { encoding?: { color?: { scale: { domain: string[] } } } }[] } };
const colorDomains = (s: Spec) => s.spec.layer.flatMap((l) => (l.encoding?.color ? [l.encoding.color.scale.domain] : []));

const { rows } = await loadBundled();
const model = await bundledModel();
const base: Omit<QuartierChartInput, 'rows'> = { code: 'QN06205M', name: 'Cités 5', year: 2024, catalogue: model.catalogue, referenceName: 'CABBALR', targets: [], enjeux: [] };
const mine = rows.filter((r) => r.quartier_code === 'QN06205M');

describe('the trajectory legend', () => {
  it('names the agglomeration and the targets when the chart draws them', () => {
    const spec = planCharts(model).charts.find((c) => c.path === 'graphiques/QIC-62555-01/trajectoires')!.spec as unknown as Spec;
    for (const d of colorDomains(spec)) expect(d).toEqual([msg.seriesQuartier, msg.seriesReference]);
    expect(spec.title.subtitle).toContain(msg.trajectoryLegend(true));
  });

  it('drops the agglomeration entry and says there is no reference figure when the sources give none', () => {
    const noReference = mine.map((r) => ({ ...r, valeur_reference: null, ecart_points: null, indice: null, ratio: null }));
    const r = trajectoiresSpec({ ...base, rows: noReference });
    if (!('spec' in r)) throw new Error(r.skipped);
    const spec = r.spec as unknown as Spec;
    for (const d of colorDomains(spec)) expect(d).toEqual([msg.seriesQuartier]);
    expect(spec.title.subtitle).toContain(msg.noReferenceValues('CABBALR'));
    expect(spec.title.subtitle).not.toContain('Référence : CABBALR');
    expect(spec.title.subtitle).toContain(msg.trajectoryLegend(false));
    expect(spec.title.subtitle.join(' ')).not.toContain('croix');
    expect(spec.description).not.toContain('tirets orange');
  });
});

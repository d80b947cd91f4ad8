// Legends and captions name only what is drawn: with no reference figure in
// the sources (national files only give quartiers), no « Agglomération »
// entry; with no target, no word about crosses; no chart of secrets alone.

import { describe, expect, it } from 'vitest';
import { enjeuxSpec, quartierAgglomerationSpec, trajectoiresSpec, type QuartierChartInput } from '../../../lib/render/charts/quartier-charts.ts';
import { planCharts } from '../../../lib/render/charts/chart-plan.ts';
import { msg } from '../../../lib/messages/index.ts';
import { loadBundled } from '../../helpers/bundled.ts';
import { bundledModel } from './fixture.ts';

type Layer = { encoding?: { color?: { scale: { domain: string[] } } }; layer?: Layer[]; vconcat?: Layer[]; spec?: Layer };
type Spec = Layer & { title: { subtitle: string[] }; description: string };
/** Every colour domain in a spec, however nested. */
const colorDomains = (l: Layer): string[][] => [
  ...(l.encoding?.color ? [l.encoding.color.scale.domain] : []),
  ...[...(l.layer ?? []), ...(l.vconcat ?? []), ...(l.spec ? [l.spec] : [])].flatMap(colorDomains),
];
const specOf = (r: ReturnType<typeof trajectoiresSpec>): Spec => {
  if (!('spec' in r)) throw new Error(r.skipped);
  return r.spec as unknown as Spec;
};

const { rows } = await loadBundled();
const model = await bundledModel();
const base: Omit<QuartierChartInput, 'rows'> = { code: 'QN06205M', name: 'Cités 5', year: 2024, catalogue: model.catalogue, referenceName: 'CABBALR', targets: [], enjeux: [] };
const mine = rows.filter((r) => r.quartier_code === 'QN06205M');

describe('the trajectory legend', () => {
  it('names the agglomeration and the targets when the chart draws them', () => {
    const spec = planCharts(model).charts.find((c) => c.path === 'graphiques/QIC-62555-01/trajectoires')!.spec as unknown as Spec;
    expect(colorDomains(spec).length).toBeGreaterThan(0);
    for (const d of colorDomains(spec)) expect(d).toEqual([msg.seriesQuartier, msg.seriesReference]);
    expect(spec.title.subtitle).toContain(msg.trajectoryLegend(true));
  });

  it('drops the agglomeration entry and says there is no reference figure when the sources give none', () => {
    const noReference = mine.map((r) => ({ ...r, valeur_reference: null, ecart_points: null, indice: null, ratio: null }));
    const spec = specOf(trajectoiresSpec({ ...base, rows: noReference }));
    expect(colorDomains(spec).length).toBeGreaterThan(0);
    for (const d of colorDomains(spec)) expect(d).toEqual([msg.seriesQuartier]);
    expect(spec.title.subtitle).toContain(msg.noReferenceValues('CABBALR'));
    expect(spec.title.subtitle).not.toContain('Référence : CABBALR');
    expect(spec.title.subtitle).toContain(msg.trajectoryLegend(false));
    expect(spec.title.subtitle.join(' ')).not.toContain('croix');
    expect(spec.description).not.toContain('tirets orange');
  });

  it('the quartier-agglomeration chart has no agglomeration entry either when there is no reference figure', () => {
    const noReference = mine.map((r) => ({ ...r, valeur_reference: null, ecart_points: null, indice: null, ratio: null }));
    const spec = specOf(quartierAgglomerationSpec({ ...base, rows: noReference }));
    expect(colorDomains(spec).length).toBeGreaterThan(0);
    for (const d of colorDomains(spec)) expect(d).toEqual([msg.seriesQuartier]);
    expect(spec.title.subtitle).toContain(msg.noReferenceValues('CABBALR'));
    expect(spec.description).not.toContain('losange orange');
    const withReference = specOf(quartierAgglomerationSpec({ ...base, rows: mine }));
    for (const d of colorDomains(withReference)) expect(d).toEqual([msg.seriesQuartier, msg.seriesReference]);
  });

  it('draws no enjeux chart when every figure is a secret: there would be no index to show', () => {
    const secrets = mine.map((r) => ({ ...r, etat: 'secret' as const, valeur: null, ecart_points: null, indice: null, ratio: null, sens: '' as const }));
    expect(enjeuxSpec({ ...base, rows: secrets })).toEqual({ skipped: msg.noGap });
    expect('spec' in enjeuxSpec({ ...base, rows: mine })).toBe(true);
  });
});

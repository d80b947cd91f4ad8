// Every reference is named for what it covers: the computed IPS of the
// agglomeration covers the schools of three communes, one school year.

import { describe, expect, it } from 'vitest';
import { planCharts } from '../../../lib/render/charts/chart-plan.ts';
import { realIpsModel } from './fixture.ts';

const charts = planCharts(await realIpsModel()).charts;
const specOf = (path: string) => charts.find((c) => c.path === path)!.spec as { title: { subtitle: string[] } };

describe('chart references', () => {
  it('names the schools and school years of a computed IPS reference beside the agglomeration', () => {
    const subtitle = specOf('graphiques/QN06205M/trajectoires').title.subtitle;
    expect(subtitle[1]).toBe('Référence : CABBALR');
    // ips 2021 is the computed one (no stated IPS that year); ips_calcule has both school years
    expect(subtitle).toContain("Référence de l’IPS calculé : écoles d'Auchel, Calonne-Ricouart et Marles-les-Mines (2021-2022)");
    expect(subtitle).toContain("Référence de l’IPS calculé : collèges d'Auchel, Calonne-Ricouart et Marles-les-Mines (2022-2023)");
  });

  it('keeps « Référence : CABBALR » alone where every reference is the agglomeration', () => {
    expect(specOf('graphiques/QN06205M/quartier-agglomeration').title.subtitle).toEqual(['Source : SIG Ville 2022, ancien périmètre', 'Référence : CABBALR']);
  });
});

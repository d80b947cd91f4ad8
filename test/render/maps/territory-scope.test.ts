// A territory map shows the published territory only, titled with the year
// of its values: on the 105 Occitanie perimeters, a report on Toulouse's
// agglomeration maps Toulouse's quartiers and communes, not the region; with
// every quartier published and no agglomeration known, one map per
// département.

import { describe, expect, it } from 'vitest';
import { planTerritoryMaps } from '../../../lib/render/maps/report-maps.ts';
import { territoryMapBase } from '../../../lib/render/maps/map-files.ts';
import type { ReportModel } from '../../../lib/report/model.ts';
import type { Quartier } from '../../../lib/model/types.ts';
import { POVERTY, occitanieGeo, occitaniePovertyRows } from './occitanie.ts';

const geo = occitanieGeo();
const rows = occitaniePovertyRows();
const text = { font: 'DejaVu Sans', textWidth: (t: string, size: number) => t.length * size * 0.6 };

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string; fill?: string } };
const layersOf = (spec: unknown) => (spec as { layer: Layer[] }).layer;
const codesOf = (spec: unknown) =>
  layersOf(spec).flatMap((l) => l.data.values.map((v) => (v.properties as { code?: string } | undefined)?.code ?? (v.code as string | undefined))).filter((c): c is string => !!c);
const titleOf = (spec: unknown) => (spec as { title: { text: string } }).title.text;

function model(codes: string[], epci?: { code: string; shortName: string }): ReportModel {
  const quartiers = codes.map((code) => {
    const p = geo.perimeters.find((x) => x.code === code)!;
    const quartier: Quartier | undefined = epci && {
      code, code2015: code, name: p.name, status: 'QPV', communes: p.communeCodes.map((c, i) => ({ code: c, name: p.communeNames[i] ?? c })),
      conventionCommune: p.communeNames[0] ?? '', epci: { ...epci, name: epci.shortName },
    };
    return { code, name: p.name, rows: rows.filter((r) => r.quartier_code === code), ...(quartier ? { quartier } : {}) };
  });
  return {
    year: 2024, rows: quartiers.flatMap((q) => q.rows), quartiers, registry: { quartiers: [], precedence: [] }, catalogue: { indicators: [POVERTY] },
    notes: [], enjeux: [], targets: [], files: [], warnings: [], geo, generatedAt: '', toolVersion: 'test',
  };
}

describe('territory maps: scope and title', () => {
  const toulouse = geo.perimeters.filter((p) => p.communeCodes.includes('31555')).map((p) => p.code);

  it('maps the agglomeration\'s quartiers and communes only, titled with the year of the values (2015), not the report\'s (2024)', () => {
    expect(toulouse.length).toBeGreaterThan(5);
    const maps = planTerritoryMaps(model(toulouse, { code: '243100518', shortName: 'Toulouse Métropole' }), text);
    expect(maps).toHaveLength(1);
    const [map] = maps;
    expect(map!.folder).toBe('');
    expect(territoryMapBase(map!.indicator!, map!.folder)).toBe('graphiques/carte-taux_pauvrete');
    expect(titleOf(map!.spec)).toBe('Taux de pauvreté, 2015');
    expect(codesOf(map!.spec).filter((c) => c.startsWith('QP')).sort()).toEqual([...toulouse].sort());
    // The commune background: Toulouse alone, none of the region's other 47 communes
    const communeLayer = layersOf(map!.spec).find((l) => l.mark.type === 'geoshape' && l.data.values.every((v) => !(v.properties as { code: string }).code.startsWith('QP')))!;
    expect(communeLayer.data.values.map((v) => (v.properties as { code: string }).code)).toEqual(['31555']);
  });

  it('with every quartier published and no agglomeration known, draws one map per département', () => {
    const maps = planTerritoryMaps(model(geo.perimeters.map((p) => p.code)), text);
    const deps = new Set(geo.perimeters.map((p) => p.code.slice(3, 5)));
    // Départements with at least two quartiers
    const expected = [...deps].filter((d) => geo.perimeters.filter((p) => p.code.slice(3, 5) === d).length >= 2).sort();
    expect(maps.map((m) => m.folder)).toEqual(expected.map((d) => `departement-${d}`));
    const hg = maps.find((m) => m.folder === 'departement-31')!;
    expect(titleOf(hg.spec)).toBe('Taux de pauvreté, 2015 — département 31');
    expect(codesOf(hg.spec).every((c) => !c.startsWith('QP') || c.startsWith('QP031'))).toBe(true);
    expect(territoryMapBase('taux_pauvrete', hg.folder)).toBe('graphiques/departement-31/carte-taux_pauvrete');
  });
});

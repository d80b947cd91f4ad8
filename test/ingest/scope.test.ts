// What a run publishes: the registry's quartiers, or every quartier found.

import { describe, expect, it } from 'vitest';
import { decideScope } from '../../lib/ingest/scope.ts';
import type { Figure, Quartier } from '../../lib/model/types.ts';
import { msg } from '../../lib/messages/index.ts';

const fig = (territory: string, quartierCode?: string): Figure => ({
  territory, level: 'quartier', territoryName: '', indicator: 'taux_pauvrete', year: 2019, value: 40, bound: '=', state: 'valeur', decimals: 0,
  sourceText: '40', perimeter: '2015', sourceLabel: 'INSEE', at: { file: 'f.csv', line: 2, column: 'x' }, ...(quartierCode ? { quartierCode } : {}),
});
const registered: Quartier = {
  code: 'QN06205M', code2015: 'QP062005', name: 'Cités', status: 'QPV', communes: [{ code: '62048', name: 'Marles' }], conventionCommune: 'Marles',
  epci: { code: '200072460', name: 'CABBALR', shortName: 'CABBALR' },
};
const figures = [fig('QP062005'), fig('QP001001', 'QN00101M'), fig('QP059019')];
const list = [{ code: 'QN00101M', name: 'Les Vennes', communeCode: '01053', communeName: 'Bourg-en-Bresse', epciCode: '200071751', epciName: 'CA du Bassin de Bourg' }];
const split = { code: 'quartiers-decoupes', message: 'découpés' };

describe('the scope of a run', () => {
  it('publishes the registry, the other quartiers being context, and drops their passage warnings', () => {
    const s = decideScope({ registry: { quartiers: [registered], precedence: [] }, figures, quartierList: list, warnings: [split] });
    expect(s.mode).toBe('referentiel');
    expect(s.registry.quartiers).toEqual([registered]);
    expect(s.contextQuartiers).toBe(2);
    expect(s.notes).toEqual([msg.scopeRegistry(1, 1, 2)]);
    expect(s.warnings).toEqual([]);
  });
  it('with --tous-les-quartiers, gives listed quartiers their commune and EPCI, and says which have none', () => {
    const s = decideScope({ registry: { quartiers: [registered], precedence: [] }, figures, quartierList: list, warnings: [split] }, { all: true });
    expect(s.mode).toBe('tous');
    expect(s.registry.quartiers.map((q) => [q.code, q.code2015, q.epci.code, q.communes[0]?.code])).toEqual([
      ['QN06205M', 'QP062005', '200072460', '62048'],
      ['QN00101M', 'QP001001', '200071751', '01053'],
    ]);
    expect(s.warnings).toEqual([split, { code: 'quartiers-sans-territoire', message: msg.quartiersWithoutTerritory(1, ['QP059019']) }]);
    expect(s.notes).toEqual([msg.scopeAll(3)]);
  });
  it('publishes everything when the sources hold no registry, and says so in one line', () => {
    const s = decideScope({ registry: { quartiers: [], precedence: [] }, figures, quartierList: [], warnings: [] });
    expect(s.mode).toBe('tous');
    expect(s.notes).toEqual([msg.scopeNoRegistry(3)]);
    expect(s.notes[0]).not.toContain('\n');
  });
  it('says which registry quartiers no source covers, and why when they have no 2015 code; a quartier with schools only is covered', () => {
    const newIn2024: Quartier = { ...registered, code: 'QN03105M', code2015: '', name: "Grand Val d'Aran" };
    const withSchools: Quartier = { ...registered, code: 'QN03106I', code2015: '', name: 'Pradettes' };
    const s = decideScope({ registry: { quartiers: [registered, newIn2024, withSchools], precedence: [] }, figures, quartierList: list, warnings: [], schoolLinks: [{ quartier: 'QN03106I' }] });
    expect(s.notes).toEqual([msg.scopeRegistry(2, 3, 2)]);
    expect(s.warnings).toEqual([{ code: 'quartiers-sans-valeur', message: msg.registryQuartiersWithoutFigures(3, [{ code: 'QN03105M', name: "Grand Val d'Aran", code2015: '' }]) }]);
    expect(s.warnings[0]!.message).toContain("QN03105M Grand Val d'Aran");
    expect(s.warnings[0]!.message).toContain("Il n'a pas de code 2015 dans le référentiel");
    // Found by its 2015 code through the figures: covered.
    expect(decideScope({ registry: { quartiers: [registered], precedence: [] }, figures, quartierList: list, warnings: [] }).warnings).toEqual([]);
  });
});

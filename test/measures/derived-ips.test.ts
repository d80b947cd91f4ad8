// The quartier's IPS computed from the schools its children attend, on the
// real IPS of the schools of Marles-les-Mines, Auchel and Calonne-Ricouart.

import { describe, expect, it } from 'vitest';
import { deriveSchoolIps, weightedIps } from '../../lib/measures/derived-ips.ts';
import { normalizeAgainstBaseline } from '../../lib/measures/baseline.ts';
import type { SchoolLink } from '../../lib/model/types.ts';
import { msg } from '../../lib/messages/index.ts';
import { portraitLine } from '../../lib/render/portrait/portrait.ts';
import { CATALOGUE, EPCI, REGISTRY, fig, realSchools } from './build.ts';

const link = (quartier: string, uai: string, share: number | null = null, line = 2): SchoolLink => ({ quartier, uai, share, at: { file: 'ecoles/ecoles_quartiers.csv', line, column: 'uai' } });

const LINKS: SchoolLink[] = [
  // écoles (2021, no pupils in the file)
  link('QN06205M', '0623445H'), link('QN06205M', '0623447K'), link('QN06205M', '0620823H'), link('QN06205M', '0623422H'),
  // collèges (2022, with pupils)
  link('QN06205M', '0622272H'), link('QN06205M', '0620021L'), link('QN06205M', '0620068M'),
  link('QIC-62555-01', '0623446J'), link('QIC-62555-01', '0622272H'),
];
const schools = realSchools();
const find = (figs: ReturnType<typeof deriveSchoolIps>, territory: string, indicator: string, year: number) => figs.find((f) => f.territory === territory && f.indicator === indicator && f.year === year);

describe('derived IPS of a quartier', () => {
  const figs = deriveSchoolIps(schools, LINKS, REGISTRY, []);

  it('collèges 2022: mean weighted by the pupils', () => {
    // (453 × 86,7 + 401 × 75,9 + 378 × 84,7) / (453 + 401 + 378) = 101 727,6 / 1 232 = 82,57
    const f = find(figs, 'QN06205M', 'ips_calcule', 2022)!;
    expect(f).toMatchObject({ value: 82.6, bound: '=', state: 'valeur', decimals: 1, sourceText: '82,6', level: 'quartier', perimeter: '2024' });
    expect(f.sourceLabel).toBe(msg.derivedIpsLabel('effectifs', 3, 0, 0, 'collèges 2022-2023'));
    expect(f.sourceLabel).toBe('IPS calculé (collèges 2022-2023) : moyenne pondérée par les effectifs de 3 établissements');
  });

  it('écoles 2021: no pupils in the file, so a simple mean, stated as such', () => {
    // (75,5 + 78,7 + 82,2 + 75,0) / 4 = 311,4 / 4 = 77,85
    const f = find(figs, 'QN06205M', 'ips_calcule', 2021)!;
    expect(f.value).toBe(77.9);
    expect(f.sourceLabel).toBe(msg.derivedIpsLabel('egal', 4, 0, 0, 'écoles 2021-2022'));
    expect(f.sourceLabel).toContain('moyenne simple');
  });

  it('the agglomeration: the same computation over the schools of its communes known to the registry', () => {
    // 12 écoles 2021: 919,4 / 12 = 76,62 ; 4 collèges 2022: 129 579,3 / 1 585 = 81,75
    expect(find(figs, EPCI, 'ips_calcule', 2021)).toMatchObject({ value: 76.6, level: 'epci' });
    expect(find(figs, EPCI, 'ips_calcule', 2022)).toMatchObject({ value: 81.8 });
    expect(find(figs, EPCI, 'ips_calcule', 2022)!.sourceLabel).toBe(msg.derivedIpsReferenceLabel('effectifs', 4, 0, 3));
  });

  it('names the reference for the schools it covers and their school year, not for the whole agglomeration', () => {
    expect(find(figs, EPCI, 'ips_calcule', 2021)!.coverage).toBe("écoles d'Auchel, Calonne-Ricouart et Marles-les-Mines (2021-2022)");
    expect(find(figs, EPCI, 'ips_calcule', 2022)!.coverage).toBe("collèges d'Auchel, Calonne-Ricouart et Marles-les-Mines (2022-2023)");
    const rows = normalizeAgainstBaseline({ registry: REGISTRY, catalogue: CATALOGUE, figures: [fig('QN06205M', 'ips', 2022, 79.9), fig(EPCI, 'ips', 2022, 104, '=', { decimals: 0 })], schools, schoolLinks: LINKS });
    const at = (indicator: string, year: number) => rows.find((x) => x.quartier_code === 'QN06205M' && x.indicateur === indicator && x.annee === year)!;
    expect(at('ips_calcule', 2021)).toMatchObject({ reference: "écoles d'Auchel, Calonne-Ricouart et Marles-les-Mines (2021-2022)", reference_niveau: 'etablissements', valeur_reference: 76.6 });
    // 2022: a stated IPS of the EPCI (104) is the reference of `ips`, named as the EPCI
    expect(at('ips', 2022)).toMatchObject({ reference: `CABBALR (EPCI ${EPCI})`, reference_niveau: 'epci', valeur_reference: 104 });
    // The portrait says so too: not « sur l'ensemble des établissements de l'agglomération ». One format for the
    // indicator: the most decimals written (79,9), so the EPCI's « 104 » reads « 104,0 ».
    const ips = { ...CATALOGUE.indicators.find((i) => i.id === 'ips')!, portraitLabel: 'IPS', referencePhrase: "sur l'ensemble des établissements de l'agglomération" };
    expect(portraitLine(at('ips', 2021), ips)).toBe("IPS\u00a0: 77,9 (76,6 pour les écoles d'Auchel, Calonne-Ricouart et Marles-les-Mines en 2021-2022).");
    expect(portraitLine(at('ips', 2022), ips)).toBe("IPS\u00a0: 79,9 (104,0 sur l'ensemble des établissements de l'agglomération).");
  });

  it('masked schools (NS) are excluded and counted; a listed school absent from every file is counted too', () => {
    const masked = schools.map((s) => (s.uai === '0620021L' ? { ...s, ips: null, state: 'secret' as const } : s));
    const f = find(deriveSchoolIps(masked, [...LINKS, link('QN06205M', '0629999Z')], REGISTRY, []), 'QN06205M', 'ips_calcule', 2022)!;
    // (453 × 86,7 + 378 × 84,7) / (453 + 378) = 71 291,7 / 831 = 85,79
    expect(f.value).toBe(85.8);
    expect(f.sourceLabel).toBe('IPS calculé (collèges 2022-2023) : moyenne pondérée par les effectifs de 2 établissements, 1 masqué (NS) exclu, 1 absent du fichier IPS');
  });

  it('every school masked: a secret figure, not a zero', () => {
    const all = schools.map((s) => (s.uai === '0623446J' ? { ...s, ips: null, state: 'secret' as const } : s));
    expect(find(deriveSchoolIps(all, LINKS, REGISTRY, []), 'QIC-62555-01', 'ips_calcule', 2021)).toMatchObject({ value: null, state: 'secret', sourceText: 'NS' });
  });

  it('shares of the quartier\'s pupils, when given for every school, weight the mean', () => {
    const shared = [link('QIC-62555-01', '0623446J', 0.75), link('QIC-62555-01', '0623445H', 0.25)];
    // 0,75 × 78,3 + 0,25 × 75,5 = 58,725 + 18,875 = 77,6
    const f = find(deriveSchoolIps(schools, shared, REGISTRY, []), 'QIC-62555-01', 'ips_calcule', 2021)!;
    expect(f.value).toBe(77.6);
    expect(f.sourceLabel).toContain('part des élèves du quartier');
    // one share missing: back to the next weighting
    expect(weightedIps({ valued: 2, masked: 0, withShare: 1, withPupils: 0, sumShareIps: 58.725, sumShare: 0.75, sumPupilsIps: 0, sumPupils: 0, sumIps: 153.8 })).toEqual({ value: 76.9, weighting: 'egal' });
  });

  it('a stated IPS wins: computed figures are `ips_calcule`, copied into `ips` only for agglomeration × years the sources leave empty', () => {
    const stated = [fig('QP062005', 'ips', 2022, 79.9, '=', { perimeter: '2015' }), fig(EPCI, 'ips', 2022, 104)];
    const withStated = deriveSchoolIps(schools, LINKS, REGISTRY, stated);
    expect(find(withStated, 'QN06205M', 'ips', 2022)).toBeUndefined();
    expect(find(withStated, EPCI, 'ips', 2022)).toBeUndefined();
    expect(find(withStated, 'QN06205M', 'ips_calcule', 2022)!.value).toBe(82.6);
    expect(find(withStated, 'QN06205M', 'ips', 2021)).toMatchObject({ value: 77.9, sourceLabel: msg.derivedIpsLabel('egal', 4, 0, 0, 'écoles 2021-2022') });
    expect(find(withStated, EPCI, 'ips', 2021)!.value).toBe(76.6);
  });

  it('reaches the tidy table: `ips_calcule` rows with their computed reference', () => {
    const rows = normalizeAgainstBaseline({ registry: REGISTRY, catalogue: CATALOGUE, figures: [fig(EPCI, 'ips', 2022, 104)], schools, schoolLinks: LINKS });
    const r = rows.find((x) => x.quartier_code === 'QN06205M' && x.indicateur === 'ips_calcule' && x.annee === 2022)!;
    // 82,6 − 81,8 = 0,8
    expect(r).toMatchObject({ valeur: 82.6, valeur_reference: 81.8, ecart_points: 0.8, sens: 'favorable', unite: 'indice' });
    expect(r.source).toContain('IPS calculé');
  });
});

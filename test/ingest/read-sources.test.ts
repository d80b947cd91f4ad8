// readSources on the real slices and on small files written here.

import { describe, expect, it } from 'vitest';
import { collectSources, readSources, type SourceFile } from '../../lib/ingest/read-sources.ts';
import { DataErrors } from '../../lib/errors.ts';
import { msg, where } from '../../lib/messages/index.ts';
import { allRealFixtures, fixture, referenceFiles, textFile } from './source-files.ts';

const read = (...files: SourceFile[]) => readSources([...referenceFiles({ correspondence: true }), ...files]);
const errorsOf = (files: SourceFile[]) => {
  const c = collectSources([...referenceFiles(), ...files]);
  return c.errors.map((e) => e.message);
};

describe('IPS files of the Education ministry', () => {
  it('gives one record per school with its level, school year and pupils, and no quartier figure', () => {
    const s = read(fixture('ips_colleges_lille_2022.csv'), fixture('ips_ecoles_2021.csv'), fixture('filosofi_qpv_extrait.csv'));
    const colleges = s.schools.filter((x) => x.level === 'college');
    expect(colleges).toHaveLength(4);
    expect(colleges[0]).toMatchObject({ uai: '0620068M', year: 2022, schoolYear: '2022-2023', pupils: 378, ips: 84.7, state: 'valeur', communeCode: '62194', sector: 'public' });
    expect(colleges[0]!.at).toEqual({ file: 'reel/ips_colleges_lille_2022.csv', line: 2, column: 'IPS' });
    const ecoles = s.schools.filter((x) => x.level === 'ecole');
    expect(ecoles).toHaveLength(8);
    expect(ecoles.every((x) => x.year === 2021 && x.pupils === null)).toBe(true);
    expect(s.figures.filter((f) => f.at.file.startsWith('reel/ips'))).toHaveLength(0);
    expect(s.files.find((f) => f.file === 'reel/ips_ecoles_2021.csv')?.kind).toBe('ips');
  });
  it('keeps NS as a masked IPS, distinct from an absent one', () => {
    const s = read(textFile('ips/ips_colleges.csv', 'Rentrée scolaire;UAI;Nom;IPS\n2023-2024;0620068M;COLLEGE A;NS\n2023-2024;0620069N;COLLEGE B;\n'), fixture('filosofi_qpv_extrait.csv'));
    expect(s.schools.map((x) => [x.ips, x.state, x.year, x.level])).toEqual([[null, 'secret', 2023, 'college'], [null, 'absent', 2023, 'college']]);
  });
  it('refuses sources whose only data are schools: without the schools of each quartier they give no figure', () => {
    expect(errorsOf([fixture('ips_colleges_lille_2022.csv')])).toEqual([msg.noFigures('sources')]);
  });
  it('refuses a malformed UAI with the place and what is expected', () => {
    expect(errorsOf([textFile('ips_ecoles_2021.csv', 'Rentrée scolaire;UAI;IPS\n2021-2022;062O068M;84,7\n')])).toEqual([msg.badUai('ips_ecoles_2021.csv', 2, 'UAI', '062O068M')]);
  });
});

describe('RPLS, Occitanie, population: the real exports', () => {
  const s = read(fixture('rpls_qpv_2022.csv'), fixture('occitanie_qp_indicateurs_2015.csv'), fixture('population_qpv_2013_2018.csv'), fixture('occitanie_qp_dictionnaire.csv'));
  const get = (territory: string, indicator: string, year: number) => s.figures.find((f) => f.territory === territory && f.indicator === indicator && f.year === year);
  it('reads RPLS quoted decimal commas and dot counts, year from the file name', () => {
    expect(get('QP001001', 'taux_vacance_parc_social', 2022)).toMatchObject({ value: 4.8, decimals: 1, sourceText: '4,8', state: 'valeur' });
    expect(get('QP001001', 'logements_sociaux', 2022)).toMatchObject({ value: 2493, decimals: 0 });
    expect(get('QP001001', 'loyer_median_parc_social', 2022)).toMatchObject({ value: 5.43, decimals: 2 });
  });
  it('reads a fully masked RPLS row (Note 4 or 5) as secrets, a blank elsewhere as absent', () => {
    expect(get('QP013034', 'taux_vacance_parc_social', 2022)?.state).toBe('secret');
    expect(get('QP062005', 'taux_vacance_parc_social', 2022)).toBeUndefined();
  });
  it('reads the Occitanie extract (BOM, comma) with empty cells as secrets', () => {
    expect(get('QP009001', 'taux_pauvrete', 2015)).toMatchObject({ value: 40.2, territoryName: 'Coeur De Ville' });
    expect(get('QP009001', 'taux_emploi_15_64', 2015)?.value).toBe(50.7);
    expect(get('QP009001', 'indice_jeunesse', 2015)?.value).toBe(0.7);
    const file = s.files.find((f) => f.file === 'reel/occitanie_qp_indicateurs_2015.csv')!;
    expect(file.encoding).toBe('UTF-8 avec BOM');
    expect(get('QP065003', 'population', 2015)).toBeDefined();
  });
  it('takes the year from pop_2013 / pop_2018', () => {
    expect(get('QP062005', 'population', 2013)?.value).toBe(2365);
    expect(get('QP062005', 'population', 2018)?.value).toBe(2224);
  });
  it('recognises the dictionary and skips it with a note', () => {
    const d = s.files.find((f) => f.file === 'reel/occitanie_qp_dictionnaire.csv')!;
    expect(d.kind).toBe('dictionnaire');
    expect(d.figures).toBe(0);
    expect(d.notes).toEqual([msg.dictionarySkipped(44)]);
  });
});

describe('codes 2015 and 2024', () => {
  const s = read(fixture('filosofi_qpv_extrait.csv'), fixture('qpv_2015_noms_communes.csv'), fixture('correspondance_qp2024_qp2015.csv', 'reel/correspondance.csv'));
  const one = (territory: string) => s.figures.find((f) => f.territory === territory && f.indicator === 'taux_pauvrete' && f.year === 2019)!;
  it('gives a 2015 quartier its 2024 code when the correspondence is one to one, keeping perimeter 2015', () => {
    expect(one('QP001001')).toMatchObject({ quartierCode: 'QN00101M', perimeter: '2015', territory: 'QP001001' });
  });
  it('does not map a split or a merged quartier, and reports each once', () => {
    expect(one('QP013032').quartierCode).toBeUndefined();
    expect(one('QP006003').quartierCode).toBeUndefined();
    const codes = s.warnings.map((w) => w.code);
    expect(codes.filter((c) => c === 'quartiers-decoupes')).toHaveLength(1);
    expect(codes.filter((c) => c === 'quartiers-fusionnes')).toHaveLength(1);
    expect(s.warnings.find((w) => w.code === 'quartiers-decoupes')!.message).toBe(msg.quartiersSplit([['QP013032', ['QN01330M', 'QN01331M', 'QN01332M']]]));
  });
  it('leaves registry quartiers to the registry', () => {
    expect(one('QP062005').quartierCode).toBeUndefined();
    expect(one('QP062005').value).toBe(40.2);
  });
  it('names quartiers absent from the registry from the reference lists', () => {
    expect(one('QP013032').territoryName).toBe(s.quartierList.find((q) => q.code === 'QP013032')!.name);
  });
});

describe('conflicts between files', () => {
  const a = textFile('a/export_2022.csv', 'code;tp60\nQP062005;40,2\n');
  const b = textFile('b/export_2022.csv', 'code;Taux de pauvreté\nQP062005;41\n');
  const same = textFile('c/export_2022.csv', 'code;tp60\nQP062005;40.2\n');
  it('merges equal values silently', () => {
    const c = collectSources([...referenceFiles(), a, same]);
    expect(c.errors).toEqual([]);
    expect(c.sources.figures.filter((f) => f.indicator === 'taux_pauvrete')).toHaveLength(1);
    expect(c.stats.duplicates).toBe(1);
  });
  it('refuses different values, naming both files and lines', () => {
    expect(errorsOf([a, b])).toEqual([msg.conflict('taux_pauvrete', 'QP062005', 2022, where('a/export_2022.csv', 2, 'tp60'), '40,2', where('b/export_2022.csv', 2, 'Taux de pauvreté'), '41')]);
  });
  it('lets priorites.csv say which source wins', () => {
    const rules = textFile('referentiel/priorites.csv', 'rang;chemin;motif\n1;b/;chiffres corrigés\n2;a/;export brut\n');
    const c = collectSources([...referenceFiles(), a, b, rules]);
    expect(c.errors).toEqual([]);
    expect(c.sources.figures.find((f) => f.indicator === 'taux_pauvrete')!.value).toBe(41);
    expect(c.stats.overridden).toEqual([{ kept: { file: 'b/export_2022.csv', line: 2, column: 'Taux de pauvreté' }, dropped: { file: 'a/export_2022.csv', line: 2, column: 'tp60' } }]);
    expect(c.sources.registry.precedence).toEqual(['b/', 'a/']);
  });
});

describe('years', () => {
  it('takes the year of a sidecar file', () => {
    const f = { ...textFile('rpls/rpls_qpv.csv', 'CodGeo,txVac\nQP062005,"4,8"\n'), sidecarYear: 2023 };
    expect(read(f).figures.find((x) => x.indicator === 'taux_vacance_parc_social')?.year).toBe(2023);
  });
  it('refuses a file without a year, saying how to give one', () => {
    expect(errorsOf([textFile('rpls/rpls_qpv.csv', 'CodGeo,txVac\nQP062005,"4,8"\n')])).toEqual([msg.noYear('rpls/rpls_qpv.csv')]);
  });
});

describe('the real slices together', () => {
  it('are all recognised, none refused', () => {
    const c = collectSources([...referenceFiles({ correspondence: true }), ...allRealFixtures()]);
    expect(c.errors.map((e) => e.message)).toEqual([]);
    const kinds = Object.fromEntries(c.sources.files.map((f) => [f.file, f.kind]));
    expect(kinds).toMatchObject({
      'reel/correspondance_qp2024_qp2015.csv': 'correspondance',
      'reel/filosofi_qpv_extrait.csv': 'panel',
      'reel/ips_colleges_lille_2022.csv': 'ips',
      'reel/occitanie_qp_dictionnaire.csv': 'dictionnaire',
      'reel/qpv_2024_communes_epci.csv': 'liste-quartiers',
      'reel/rpls_qpv_2022.csv': 'export',
    });
  });
  it('throws every error at once', () => {
    expect(() => readSources([textFile('x.csv', 'a;b\n1;2\n')])).toThrow(DataErrors);
  });
});

describe('registry and correspondence', () => {
  it('warns once when the registry pairs codes the ANCT pairs otherwise', () => {
    const registry = textFile('referentiel/quartiers.csv', 'code_2024;code_2015;nom;statut;communes_insee;communes_noms;commune_convention;epci_siren;epci_nom;epci_sigle\nQN06299M;QP062005;Cités;QPV;62555;Marles-les-Mines;Marles-les-Mines;200072460;CABBALR;CABBALR\n');
    const catalogue = referenceFiles().find((f) => f.path.endsWith('indicateurs.csv'))!;
    const s = readSources([registry, catalogue, fixture('correspondance_qp2024_qp2015.csv'), textFile('x/export_2022.csv', 'code;tp60\nQN06299M;40,2\n')]);
    expect(s.warnings.filter((w) => w.code === 'referentiel-correspondance').map((w) => w.message)).toEqual([msg.registryDisagrees([['QN06299M', 'QP062005', ['QN06205M']]])]);
  });
});

describe('communes and agglomerations outside the registry', () => {
  // Auchel (62048) and the CABBALR (200072460) are the registry's; Lille (59350) and the MEL (200093201) are not.
  const panel = textFile('insee/panel_communes_2019.csv', 'code;taux_pauvrete\n62048;21,5\n200072460;18,8\n59350;25,0\n200093201;17,4\n');
  const levels = (s: ReturnType<typeof readSources>) => s.figures.filter((f) => f.at.file === 'insee/panel_communes_2019.csv').map((f) => f.territory);

  it('are checked and counted, then dropped while reading, so that memory follows what is published', () => {
    const s = readSources([...referenceFiles(), panel]);
    expect(levels(s)).toEqual(['62048', '200072460']);
    expect(s.warnings.filter((w) => w.code === 'valeurs-hors-referentiel').map((w) => w.message)).toEqual([msg.figuresOutsideRegistry('insee/panel_communes_2019.csv', 2, 2)]);
  });
  it('are kept with --tous-les-quartiers, where they may be the reference of a published quartier', () => {
    const s = readSources([...referenceFiles(), panel], { keepAllTerritories: true });
    expect(levels(s)).toEqual(['62048', '200072460', '59350', '200093201']);
    expect(s.warnings.map((w) => w.code)).not.toContain('valeurs-hors-referentiel');
  });
  it('still have their cells checked: a bad figure of a dropped commune is the same located error', () => {
    const bad = textFile('insee/panel_communes_2019.csv', 'code;taux_pauvrete\n59350;4O,2\n');
    expect(errorsOf([bad])).toEqual([msg.notANumber('insee/panel_communes_2019.csv', 2, 'taux_pauvrete', '4O,2')]);
  });
});

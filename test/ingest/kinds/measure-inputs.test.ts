// Readers of the files the measures use: targets, enjeux, school lists,
// through readSources as the pipeline calls it.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readSources, type SourceFile } from '../../../lib/ingest/read-sources.ts';
import { DataErrors } from '../../../lib/errors.ts';
import { msg } from '../../../lib/messages/index.ts';
import { BUNDLED_SOURCES, loadBundled } from '../../helpers/bundled.ts';

const bundled = (path: string): SourceFile => ({ path, bytes: readFileSync(BUNDLED_SOURCES + path) });
const BASE = ['referentiel/quartiers.csv', 'referentiel/indicateurs.csv', 'sigville/sigville_2022_cabbalr.csv'].map(bundled);
const file = (path: string, text: string): SourceFile => ({ path, bytes: new TextEncoder().encode(text) });

function errorsOf(files: SourceFile[]): string[] {
  try {
    readSources(files);
  } catch (e) {
    if (e instanceof DataErrors) return e.errors.map((x) => x.message);
    throw e;
  }
  return [];
}

describe('the bundled enjeux, targets and school list', () => {
  it('reads the convention\'s three enjeux and links indicators to their objectives', async () => {
    const { sources } = await loadBundled();
    expect(new Set(sources.enjeux.map((e) => e.enjeu))).toEqual(new Set(['Enjeu 1', 'Enjeu 2', 'Enjeu 3']));
    expect(sources.enjeux.filter((e) => e.indicator === 'taux_emploi_15_64')).toEqual([
      { enjeu: 'Enjeu 2', enjeuLabel: "Des quartiers d'émancipation pour tous", objective: "Accompagner l'accès à l'autonomie et à l'emploi des habitants des quartiers", indicator: 'taux_emploi_15_64' },
    ]);
    expect(sources.enjeux.find((e) => e.indicator === 'part_16_25_neet')!.objective).toBe("Accompagner l'accès à l'autonomie et à l'emploi des habitants des quartiers");
    expect(sources.enjeux.find((e) => e.indicator === 'ips')!.objective).toMatch(/^Soutenir la réussite éducative/);
    expect(sources.enjeux.find((e) => e.indicator === 'part_parc_social')!.enjeu).toBe('Enjeu 3');
    expect(sources.enjeux.find((e) => e.indicator === 'taux_pauvrete')!.objective).toBe("Faciliter l'accès aux droits, aux soins et aux services");
    // Objectives that no indicator measures stay in the file, not in the links.
    expect(sources.enjeux.every((e) => e.indicator !== '')).toBe(true);
  });

  it('reads the illustrative targets and school list, quartiers under their 2024 code', async () => {
    const { sources, rows } = await loadBundled();
    expect(sources.targets.find((t) => t.quartier === 'QN06205M' && t.indicator === 'taux_emploi_15_64')).toMatchObject({ kind: 'ecart', value: -12, year: 2030 });
    expect(sources.targets.find((t) => t.quartier === 'QIC-62555-01' && t.indicator === 'taux_pauvrete')).toMatchObject({ kind: 'valeur', value: 25 });
    expect(sources.schoolLinks.filter((l) => l.quartier === 'QIC-62555-01').map((l) => l.uai)).toEqual(['0623446J', '0622272H']);
    expect(sources.files.map((f) => f.kind)).toEqual(expect.arrayContaining(['cibles', 'enjeux', 'ecoles']));
    const qic = rows.find((r) => r.quartier_code === 'QIC-62555-01' && r.indicateur === 'taux_pauvrete')!;
    // « + de 30 % » against a target of 25: « plus de 5 points » above it
    expect(qic).toMatchObject({ cible: 25, distance_cible: 5, borne_distance_cible: '>', enjeu: 'Enjeu 1' });
  });
});

describe('errors that say where', () => {
  it('a target with both a value and a gap', () => {
    const errors = errorsOf([...BASE, file('c/cibles.csv', 'quartier;indicateur;annee_cible;cible_valeur;cible_ecart\nQN06205M;taux_pauvrete;2030;35;-5\n')]);
    expect(errors).toEqual([msg.targetValueCount('c/cibles.csv', 2)]);
  });

  it('a target on an unknown quartier or indicator, or a bounded target', () => {
    const errors = errorsOf([...BASE, file('c/cibles.csv', 'quartier;indicateur;annee_cible;cible_valeur\nQN99999Z;taux_pauvrete;2030;35\n')]);
    expect(errors).toEqual([msg.unknownQuartierCode('c/cibles.csv', 2, 'quartier', 'QN99999Z')]);
    expect(errorsOf([...BASE, file('c/cibles.csv', 'quartier;indicateur;annee_cible;cible_valeur\nQN06205M;chomage;2030;35\n')])).toEqual([msg.unknownIndicatorId('c/cibles.csv', 2, 'indicateur', 'chomage')]);
    expect(errorsOf([...BASE, file('c/cibles.csv', 'quartier;indicateur;annee_cible;cible_valeur\nQN06205M;taux_pauvrete;2030;moins de 35\n')])).toEqual([msg.badTargetNumber('c/cibles.csv', 2, 'cible_valeur', 'moins de 35')]);
  });

  it('a target\'s direction: written before the number or in « sens_cible », required for a neutral indicator', () => {
    const head = 'quartier;indicateur;annee_cible;cible_valeur;sens_cible\n';
    const read = (text: string) => readSources([...BASE, file('c/cibles.csv', head + text)]).targets[0]!;
    expect(read('QN06205M;taux_pauvrete;2030;au plus 35;\n')).toMatchObject({ value: 35, direction: 'au_plus' });
    expect(read('QN06205M;part_parc_social;2030;60;au moins\n')).toMatchObject({ value: 60, direction: 'au_moins' });
    // Without a direction, the polarity decides later (measures): nothing is stored.
    expect(read('QN06205M;taux_pauvrete;2030;35;\n').direction).toBeUndefined();
    // part_parc_social is « neutre » in the bundled catalogue: a ceiling or a floor must be said.
    expect(errorsOf([...BASE, file('c/cibles.csv', head + 'QN06205M;part_parc_social;2030;60;\n')])).toEqual([msg.targetDirectionNeeded('c/cibles.csv', 2, 'cible_valeur', 'part_parc_social')]);
    expect(errorsOf([...BASE, file('c/cibles.csv', head + 'QN06205M;taux_pauvrete;2030;au plus 35;au moins\n')])).toEqual([msg.badTargetDirection('c/cibles.csv', 2, 'sens_cible', 'au moins')]);
  });

  it('a catalogue « decimales » that is not 0 to 6', () => {
    const catalogue = readFileSync(BUNDLED_SOURCES + 'referentiel/indicateurs.csv', 'utf8').replace(/^(taux_pauvrete;.*;)1$/m, '$1un');
    const files = [bundled('referentiel/quartiers.csv'), file('referentiel/indicateurs.csv', catalogue), bundled('sigville/sigville_2022_cabbalr.csv')];
    expect(errorsOf(files)).toEqual([msg.badEnum('referentiel/indicateurs.csv', 4, 'decimales', 'un', ['un nombre de décimales de 0 à 6, ou vide'])]);
  });

  it('a school list with a bad UAI or share', () => {
    expect(errorsOf([...BASE, file('e/ecoles.csv', 'quartier;uai;part_eleves\nQN06205M;062344;\n')])).toEqual([msg.badUai('e/ecoles.csv', 2, 'uai', '062344')]);
    expect(errorsOf([...BASE, file('e/ecoles.csv', 'quartier;uai;part_eleves\nQN06205M;0623445H;140 %\n')])).toEqual([msg.badShare('e/ecoles.csv', 2, 'part_eleves', '140 %')]);
  });

  it('reads shares written as fractions or percentages', () => {
    const s = readSources([...BASE, file('e/ecoles.csv', 'quartier;uai;part_eleves\nQN06205M;0623445H;35 %\nQP062005;0623447k;0,65\nCité de Marles – Gambetta;0623446J;\n')]);
    expect(s.schoolLinks.map((l) => [l.quartier, l.uai, l.share])).toEqual([['QN06205M', '0623445H', 0.35], ['QN06205M', '0623447K', 0.65], ['QIC-62555-01', '0623446J', null]]);
  });

  it('an enjeu linked to an indicator absent from the catalogue', () => {
    const errors = errorsOf([...BASE, file('c/enjeux.csv', 'enjeu;enjeu_libelle;objectif_strategique;indicateur\nEnjeu 2;Émancipation;Emploi;taux_chomage\n')]);
    expect(errors).toEqual([msg.unknownIndicatorId('c/enjeux.csv', 2, 'indicateur', 'taux_chomage')]);
  });
});

// Messages of the measures: how a computed figure was obtained, and the
// errors of the files the measures read (targets, enjeux, school lists).

import { quoteCell } from './quote.ts';
import { frenchList, where, plural } from './place.ts';

export type IpsWeighting = 'part' | 'effectifs' | 'egal';

const WEIGHTING: Record<IpsWeighting, string> = {
  part: 'moyenne pondérée par la part des élèves du quartier dans chaque établissement',
  effectifs: 'moyenne pondérée par les effectifs',
  egal: 'moyenne simple (effectifs non fournis)',
};

function ipsDetail(n: number, masked: number, missing: number): string {
  const parts = [`de ${plural(n, 'établissement')}`];
  if (masked) parts.push(`${masked} masqué${masked > 1 ? 's' : ''} (NS) exclu${masked > 1 ? 's' : ''}`);
  if (missing) parts.push(`${missing} absent${missing > 1 ? 's' : ''} du fichier IPS`);
  return parts.join(', ');
}

export type SchoolLevel = 'ecole' | 'college' | 'lycee';
const LEVEL_WORDS: Record<SchoolLevel, string> = { ecole: 'écoles', college: 'collèges', lycee: 'lycées' };
const schoolLevels = (levels: SchoolLevel[]) => frenchList((levels.length ? levels : (['ecole'] as SchoolLevel[])).map((l) => LEVEL_WORDS[l]));
/** « de Marles-les-Mines », « d'Auchel ». */
const elidedDe = (name: string) => (/^[aeiouyhàâéèêîôûAEIOUYHÀÂÉÈÊÎÔÛ]/.test(name) ? `d'${name}` : `de ${name}`);

export const measures = {
  /** The portrait's line on a quartier among the quartiers of France (national files). */
  nationalContextTitle: 'Parmi les quartiers de France',
  nationalContext: (label: string, value: string, year: number, rank: number, of: string, higherFirst: boolean, median: string, gap: string) =>
    `${label} : ${value} en ${year}, ${rank === 1 ? '1er' : `${rank.toLocaleString('fr-FR').replace(/\u00a0/g, '\u202f')}e`} sur ${of} quartiers ${higherFirst ? 'du plus élevé au plus bas' : 'du plus bas au plus élevé'} ; médiane des QPV : ${median} (${gap}).`,
  nationalContextSource: '(rang et médiane parmi les quartiers que donnent les fichiers nationaux des sources, même année et même périmètre ; 1er : le plus défavorable)',
  derivedIpsLabel: (weighting: IpsWeighting, n: number, masked: number, missing: number, schools = '') =>
    `IPS calculé${schools ? ` (${schools})` : ''} : ${WEIGHTING[weighting]} ${ipsDetail(n, masked, missing)}`,
  /** « écoles 2021-2022 », « écoles et collèges 2021-2022 / 2022-2023 ». */
  schoolsOfYear: (levels: SchoolLevel[], schoolYears: string[]) => `${schoolLevels(levels)} ${schoolYears.join(' / ')}`,
  /** What a computed IPS reference covers: « écoles d'Auchel, Calonne-Ricouart et Marles-les-Mines (2021-2022) ». */
  derivedIpsCoverage: (levels: SchoolLevel[], communes: string[], schoolYears: string[]) =>
    `${schoolLevels(levels)} ${elidedDe(frenchList(communes))} (${schoolYears.join(' / ')})`,
  derivedIpsReferenceLabel: (weighting: IpsWeighting, n: number, masked: number, communes: number) =>
    `IPS calculé : ${WEIGHTING[weighting]} ${ipsDetail(n, masked, 0)} des ${plural(communes, 'commune')} de l'agglomération connues du référentiel`,
  targetValueCount: (file: string, line: number) =>
    `${where(file, line)} : une cible attendue, soit dans « cible_valeur », soit dans « cible_ecart » (une seule des deux par ligne).`,
  badTargetNumber: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : cible attendue sous forme d'un nombre, précédé au besoin de « au plus » ou « au moins » (exemples : 35 ; au plus 35 ; au moins -12,5), lu « ${quoteCell(text)} ».`,
  badTargetDirection: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : sens de la cible attendu, « au plus » ou « au moins » (et le même que celui écrit devant le nombre), lu « ${quoteCell(text)} ».`,
  targetDirectionNeeded: (file: string, line: number, column: string, indicator: string) =>
    `${where(file, line, column)} : l'indicateur « ${quoteCell(indicator)} » est neutre dans le catalogue : dites si la cible est un plafond ou un plancher (« au plus 35 », « au moins 35 », ou une colonne « sens_cible »).`,
  unknownIndicatorId: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : indicateur « ${quoteCell(text)} » absent du catalogue ; donnez son identifiant (taux_pauvrete, ips…) ou ajoutez-le au catalogue.`,
  unknownQuartierCode: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : quartier « ${quoteCell(text)} » absent du référentiel ; donnez son code 2024, son code 2015 ou son nom tel que le référentiel l'écrit.`,
  badUai: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : code UAI attendu (7 chiffres et une lettre, par exemple 0623446J), lu « ${quoteCell(text)} ».`,
  badShare: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : part des élèves attendue entre 0 et 1 ou en pourcentage (0,35 ou 35 %), lu « ${quoteCell(text)} ».`,
};

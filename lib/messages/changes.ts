// « Ce qui a changé » in words: the kinds of change, each change in one
// line, for the HTML report, the workbooks and the yearly refresh.

import type { Change, ChangeKind, ChangeSide } from '../model/change.ts';
import { boundWords, formatFrenchNumber } from '../text/french-number.ts';
import { frenchDateTime } from './html.ts';

export const CHANGE_KIND_LABELS: Record<ChangeKind, string> = {
  quartier_apparu: 'Quartiers entrés dans le rapport',
  quartier_sorti: 'Quartiers sortis du rapport',
  nouvel_indicateur: 'Nouveaux indicateurs',
  nouvelle_annee: 'Nouvelles années',
  chiffre_revise: 'Chiffres révisés',
  chiffre_retire: 'Chiffres retirés',
  ecart_creuse: 'Écarts qui se creusent',
  ecart_resserre: 'Écarts qui se resserrent',
};

/** One change on a line of the terminal. */
const CHANGE_KIND_SINGULAR: Record<ChangeKind, string> = {
  quartier_apparu: 'quartier entré',
  quartier_sorti: 'quartier sorti',
  nouvel_indicateur: 'nouvel indicateur',
  nouvelle_annee: 'nouvelle année',
  chiffre_revise: 'chiffre révisé',
  chiffre_retire: 'chiffre retiré',
  ecart_creuse: 'écart creusé',
  ecart_resserre: 'écart resserré',
};

const UNIT_SUFFIX: Record<string, string> = { pct: ' %', euros: ' €', hectares: ' ha', habitants: ' hab.' };
const GAP_UNIT: Record<string, string> = { pct: ' points', euros: ' €', indice: ' points d’indice', hectares: ' ha', habitants: ' hab.' };

/** A figure as a reader writes it: « 41,3 % », « plus de 30 % », « secret statistique ». */
export function changeValue(s: ChangeSide, unite: string): string {
  if (s.etat === 'secret') return 'secret statistique';
  if (s.valeur === null) return 'non disponible';
  return `${boundWords(s.borne as Parameters<typeof boundWords>[0]) ?? ''}${formatFrenchNumber(s.valeur, s.decimales)}${UNIT_SUFFIX[unite] ?? ''}`;
}

export function changeGap(gap: number, unite: string): string {
  return `${formatFrenchNumber(gap, 1, { sign: true })}${GAP_UNIT[unite] ?? ''}`;
}

const gapPart = (s: ChangeSide | null, unite: string) => (s?.ecart !== null && s?.ecart !== undefined ? changeGap(s.ecart, unite) : '—');

/** What changed, without the quartier and the indicator (said around it). */
export function changeDetail(c: Change): string {
  const { avant: b, apres: a, unite } = c;
  switch (c.type) {
    case 'quartier_apparu':
      return 'entre dans le rapport';
    case 'quartier_sorti':
      return 'ne figure plus dans le rapport';
    case 'nouvel_indicateur':
    case 'nouvelle_annee':
      return `${a!.annee} : ${changeValue(a!, unite)}`;
    case 'chiffre_revise': {
      const gap = b!.ecart !== a!.ecart ? ` (écart à la référence : ${gapPart(b, unite)} → ${gapPart(a, unite)})` : '';
      return `${a!.annee} : ${changeValue(b!, unite)} → ${changeValue(a!, unite)}${gap}`;
    }
    case 'chiffre_retire':
      return `${b!.annee} : ${changeValue(b!, unite)}, plus publié`;
    case 'ecart_creuse':
    case 'ecart_resserre':
      return `écart à la référence : ${gapPart(b, unite)} (${b!.annee}) → ${gapPart(a, unite)} (${a!.annee})`;
  }
}

export const changesText = {
  heading: 'Ce qui a changé',
  since: (iso: string) => `Par rapport à la publication précédente, produite le ${frenchDateTime(iso)}.`,
  first: 'Première publication dans ce dossier : rien à comparer.',
  none: 'Aucun chiffre nouveau, révisé ou retiré, aucun écart qui se creuse ou se resserre, aucun quartier entré ou sorti.',
  noneSincePrevious: 'Rien n’a changé pour les quartiers de ce classeur depuis la publication précédente.',
  rule: `Écarts : comparés seulement entre deux années distantes d’au moins 5 ans, comme le recommande l’INSEE pour les données infra-communales.`,
  csvLink: 'Tous les changements (CSV)',
  countsCaption: 'Changements par nature',
  columnKind: 'nature',
  columnCount: 'nombre',
  columnQuartier: 'quartier',
  columnIndicator: 'indicateur',
  columnDetail: 'changement',
  detailsCaption: 'Les changements, quartier par quartier',
  quartierDetailsCaption: 'Les changements de ce quartier',
  tooManyForIndex: (n: number) => `${formatFrenchNumber(n)} changements : le détail est sur la page de chaque quartier et dans changements.csv.`,
  sheetName: 'Ce qui a changé',
  sheetHeaders: ['Quartier', 'Code', 'Nature', 'Indicateur', 'Périmètre', 'Année avant', 'Avant', 'Année après', 'Après', 'Écart avant', 'Écart après'],
  /** The refresh's lines: heading, one line per change, total. */
  refreshTitle: (iso: string) => `Ce qui a changé depuis la publication du ${frenchDateTime(iso)} :`,
  refreshLine: (c: Change) => `  ${CHANGE_KIND_SINGULAR[c.type]} — ${c.quartier || c.quartier_code}${c.libelle ? `, « ${c.libelle} »` : ''}, ${changeDetail(c)}`,
  refreshTotal: (counts: [ChangeKind, number][]) => (counts.length ? `${counts.map(([k, n]) => `${CHANGE_KIND_LABELS[k].toLowerCase()} : ${formatFrenchNumber(n)}`).join(', ')}.` : 'Aucun changement.'),
};

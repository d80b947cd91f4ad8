// One row of the tidy table (`indicateurs.csv`): a quartier × indicator ×
// year, with its provenance and its measures against the reference.

import type { Bound, CellState, DerivedBound, Perimeter, TargetDirection, Unit } from './types.ts';

export type Reading = 'favorable' | 'defavorable' | 'neutre' | 'indetermine' | '';

/** How the gap to the reference moved between two years. */
export type Convergence = 'resserre' | 'creuse' | 'stable' | 'indetermine' | '';

/** Where a row stands against the contract's baseline year. */
export type BaselineSituation = 'annee_de_base' | 'depuis_base' | 'avant_base' | 'pas_de_base' | '';

export interface TidyRow {
  quartier_code: string;
  quartier_code_2015: string;
  quartier: string;
  statut: string;
  communes: string;
  commune_convention: string;
  epci_code: string;
  epci: string;
  indicateur: string;
  libelle: string;
  unite: Unit;
  annee: number;
  etat: CellState;
  valeur: number | null;
  borne: Bound;
  decimales: number;
  valeur_source: string;
  perimetre: Perimeter;
  source: string;
  fichier: string;
  ligne: number;
  colonne: string;
  reference: string;
  reference_code: string;
  reference_niveau: string;
  valeur_reference: number | null;
  borne_reference: Bound | '';
  decimales_reference: number;
  valeur_source_reference: string;
  source_reference: string;
  ecart_points: number | null;
  borne_ecart: DerivedBound | '';
  ratio: number | null;
  indice: number | null;
  borne_ratio: DerivedBound | '';
  sens: Reading;

  // Other references: the quartier's commune and France métropolitaine.
  commune_reference_code: string;
  valeur_commune: number | null;
  borne_commune: Bound | '';
  ecart_commune: number | null;
  borne_ecart_commune: DerivedBound | '';
  indice_commune: number | null;
  valeur_france: number | null;
  borne_france: Bound | '';
  ecart_france: number | null;
  borne_ecart_france: DerivedBound | '';
  indice_france: number | null;

  // Since the previous available year.
  annee_precedente: number | null;
  valeur_precedente: number | null;
  borne_precedente: Bound | '';
  evolution: number | null;
  borne_evolution: DerivedBound | '';
  ecart_precedent: number | null;
  borne_ecart_precedent: DerivedBound | '';
  evolution_ecart: number | null;
  borne_evolution_ecart: DerivedBound | '';
  convergence: Convergence;
  /** Why the comparison with the previous year must be read with care, codes joined by `|`. */
  alerte_evolution: string;

  // Over a longer step (INSEE: at least `pas` years between two infra-communal vintages).
  annee_pas_long: number | null;
  evolution_pas_long: number | null;
  borne_evolution_pas_long: DerivedBound | '';
  convergence_pas_long: Convergence;

  // Since the contract's baseline year.
  annee_base: number | null;
  situation_base: BaselineSituation;
  valeur_base: number | null;
  borne_base: Bound | '';
  ecart_base: number | null;
  borne_ecart_base: DerivedBound | '';
  evolution_base: number | null;
  borne_evolution_base: DerivedBound | '';
  convergence_base: Convergence;
  alerte_base: string;

  // Among the quartiers of the same agglomeration, same indicator and year.
  rang: number | null;
  rang_sur: number | null;
  rang_certain: 'oui' | 'non' | '';
  ordre_rang: 'favorable_d_abord' | 'valeur_decroissante' | '';
  quartiers_compares: number | null;
  quartiers_resserres: number | null;
  part_quartiers_resserres: number | null;
  quartiers_compares_base: number | null;
  quartiers_resserres_base: number | null;
  part_quartiers_resserres_base: number | null;

  // Among the quartiers of France that the sources give (national files), same indicator, year and perimeter vintage.
  /** 1 = the most unfavourable (neutral indicator: the highest value); ties share the best rank. */
  rang_national: number | null;
  rang_national_sur: number | null;
  mediane_qpv: number | null;
  ecart_mediane_qpv: number | null;

  // The contract's 2030 target for this quartier × indicator.
  cible_annee: number | null;
  cible_type: 'valeur' | 'ecart' | '';
  cible: number | null;
  /** `au_plus` (reached at or below `cible`) or `au_moins` (at or above it). */
  cible_sens: TargetDirection | '';
  distance_cible: number | null;
  borne_distance_cible: DerivedBound | '';
  rythme_requis: number | null;
  rythme_observe: number | null;
  annee_rythme: number | null;
  /** `atteinte`: already on the target's side (no pace needed); otherwise whether the observed pace reaches it. */
  atteignable: 'atteinte' | 'oui' | 'non' | 'indetermine' | '';

  // The contract's enjeux and strategic objectives the indicator speaks to (several joined by ` | `).
  enjeu: string;
  enjeu_libelle: string;
  objectif: string;
}

/** Column order of `indicateurs.csv`: the interface's columns first. */
export const TIDY_COLUMNS: (keyof TidyRow)[] = [
  'quartier_code', 'quartier_code_2015', 'quartier', 'statut', 'indicateur', 'annee', 'valeur', 'borne', 'valeur_source', 'perimetre',
  'source', 'reference', 'valeur_reference', 'ecart_points', 'ratio', 'indice', 'sens',
  'etat', 'libelle', 'unite', 'decimales', 'communes', 'commune_convention', 'epci_code', 'epci', 'fichier', 'ligne', 'colonne',
  'reference_code', 'reference_niveau', 'borne_reference', 'decimales_reference', 'valeur_source_reference', 'source_reference',
  'borne_ecart', 'borne_ratio',
  'commune_reference_code', 'valeur_commune', 'borne_commune', 'ecart_commune', 'borne_ecart_commune', 'indice_commune',
  'valeur_france', 'borne_france', 'ecart_france', 'borne_ecart_france', 'indice_france',
  'annee_precedente', 'valeur_precedente', 'borne_precedente', 'evolution', 'borne_evolution', 'ecart_precedent', 'borne_ecart_precedent',
  'evolution_ecart', 'borne_evolution_ecart', 'convergence', 'alerte_evolution',
  'annee_pas_long', 'evolution_pas_long', 'borne_evolution_pas_long', 'convergence_pas_long',
  'annee_base', 'situation_base', 'valeur_base', 'borne_base', 'ecart_base', 'borne_ecart_base', 'evolution_base', 'borne_evolution_base',
  'convergence_base', 'alerte_base',
  'rang', 'rang_sur', 'rang_certain', 'ordre_rang',
  'quartiers_compares', 'quartiers_resserres', 'part_quartiers_resserres', 'quartiers_compares_base', 'quartiers_resserres_base', 'part_quartiers_resserres_base',
  'rang_national', 'rang_national_sur', 'mediane_qpv', 'ecart_mediane_qpv',
  'cible_annee', 'cible_type', 'cible', 'cible_sens', 'distance_cible', 'borne_distance_cible', 'rythme_requis', 'rythme_observe', 'annee_rythme', 'atteignable',
  'enjeu', 'enjeu_libelle', 'objectif',
];

/** The measure columns that start empty and are filled by the later steps of the measures. */
export function emptyMeasures(): Omit<TidyRow, keyof TidyRowCore> {
  return {
    annee_precedente: null, valeur_precedente: null, borne_precedente: '', evolution: null, borne_evolution: '', ecart_precedent: null,
    borne_ecart_precedent: '', evolution_ecart: null, borne_evolution_ecart: '', convergence: '', alerte_evolution: '',
    annee_pas_long: null, evolution_pas_long: null, borne_evolution_pas_long: '', convergence_pas_long: '',
    annee_base: null, situation_base: '', valeur_base: null, borne_base: '', ecart_base: null, borne_ecart_base: '', evolution_base: null,
    borne_evolution_base: '', convergence_base: '', alerte_base: '',
    rang: null, rang_sur: null, rang_certain: '', ordre_rang: '',
    quartiers_compares: null, quartiers_resserres: null, part_quartiers_resserres: null,
    quartiers_compares_base: null, quartiers_resserres_base: null, part_quartiers_resserres_base: null,
    rang_national: null, rang_national_sur: null, mediane_qpv: null, ecart_mediane_qpv: null,
    cible_annee: null, cible_type: '', cible: null, cible_sens: '', distance_cible: null, borne_distance_cible: '', rythme_requis: null, rythme_observe: null,
    annee_rythme: null, atteignable: '',
    enjeu: '', enjeu_libelle: '', objectif: '',
  };
}

/** The columns set when a figure meets its references (the first step of the measures). */
export type TidyRowCore = Pick<TidyRow, (typeof CORE_COLUMNS)[number]>;
const CORE_COLUMNS = [
  'quartier_code', 'quartier_code_2015', 'quartier', 'statut', 'communes', 'commune_convention', 'epci_code', 'epci', 'indicateur', 'libelle', 'unite',
  'annee', 'etat', 'valeur', 'borne', 'decimales', 'valeur_source', 'perimetre', 'source', 'fichier', 'ligne', 'colonne', 'reference', 'reference_code',
  'reference_niveau', 'valeur_reference', 'borne_reference', 'decimales_reference', 'valeur_source_reference', 'source_reference', 'ecart_points',
  'borne_ecart', 'ratio', 'indice', 'borne_ratio', 'sens', 'commune_reference_code', 'valeur_commune', 'borne_commune', 'ecart_commune',
  'borne_ecart_commune', 'indice_commune', 'valeur_france', 'borne_france', 'ecart_france', 'borne_ecart_france', 'indice_france',
] as const;

// One row of the tidy table (`indicateurs.csv`): a quartier × indicator ×
// year, with its provenance and its measures against the reference.

import type { Bound, CellState, Perimeter, Unit } from './types.ts';
import type { DerivedBound } from '../measures/bounded.ts';

export type Reading = 'favorable' | 'defavorable' | 'neutre' | 'indetermine' | '';

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
}

/** Column order of `indicateurs.csv`: the interface's columns first. */
export const TIDY_COLUMNS: (keyof TidyRow)[] = [
  'quartier_code', 'quartier_code_2015', 'quartier', 'statut', 'indicateur', 'annee', 'valeur', 'borne', 'valeur_source', 'perimetre',
  'source', 'reference', 'valeur_reference', 'ecart_points', 'ratio', 'indice', 'sens',
  'etat', 'libelle', 'unite', 'decimales', 'communes', 'commune_convention', 'epci_code', 'epci', 'fichier', 'ligne', 'colonne',
  'reference_code', 'reference_niveau', 'borne_reference', 'decimales_reference', 'valeur_source_reference', 'source_reference',
  'borne_ecart', 'borne_ratio',
];

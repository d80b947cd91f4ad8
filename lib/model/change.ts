// What « ce qui a changé » reports between two publications: computed by
// lib/report/compare-runs.ts, worded by lib/messages/changes.ts.

export const CHANGE_KINDS = [
  'quartier_apparu',
  'quartier_sorti',
  'nouvel_indicateur',
  'nouvelle_annee',
  'chiffre_revise',
  'chiffre_retire',
  'ecart_creuse',
  'ecart_resserre',
] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A figure on one side of a change. */
export interface ChangeSide {
  annee: number;
  etat: string;
  valeur: number | null;
  borne: string;
  decimales: number;
  ecart: number | null;
}

/** What a change is about: a quartier and, unless it appeared or left, one of its indicators. */
export interface ChangeSubject {
  quartier_code: string;
  quartier: string;
  /** The quartier's agglomeration (a workbook lists the quartiers of its agglomeration that left). */
  epci_code: string;
  /** Empty for a quartier that appeared or left. */
  indicateur: string;
  libelle: string;
  unite: string;
  perimetre: string;
}

export interface Change extends ChangeSubject {
  type: ChangeKind;
  avant: ChangeSide | null;
  apres: ChangeSide | null;
}

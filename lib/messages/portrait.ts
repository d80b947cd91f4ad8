// The words of the « Portrait statistique » (portraits/<code>.md), also
// shown by the HTML pages and the quartier sheets of the workbooks.

import type { PortraitNote } from '../model/types.ts';
import { NBSP } from '../text/french-number.ts';

export const STATUS_LABELS: Record<string, string> = {
  QPV: 'Quartier prioritaire de la politique de la ville',
  QIC: "Quartier d'intérêt communautaire – territoire vulnérable",
};

export const SECTION_TITLES: Record<PortraitNote['section'], string> = {
  irritant: 'Les « irritants » : principales problématiques à traiter sur le quartier',
  opportunite: 'Les « opportunités » : atouts et ressources sur lesquelles on pourra s’appuyer',
  enjeu_prioritaire: 'Les enjeux prioritaires pour la commune sur le quartier',
};

export const portraitMessages = {
  /** « données INSEE 2021 basées sur l’ancien périmètre » */
  sourceData: (source: string, oldPerimeter: boolean) => `données ${source}${oldPerimeter ? ' basées sur l’ancien périmètre' : ''}`,
  /** A reference that covers schools, not the agglomeration: « pour les écoles d'Auchel, … en 2021-2022 ». */
  schoolsReference: (reference: string) => `pour les ${reference.replace(/ \(([^()]+)\)$/, ' en $1')}`,
  /** When the reference comes from another producer than the quartier's figure. */
  referenceSource: (source: string) => ` ; référence${NBSP}: ${source}`,
  line: (label: string, value: string) => `${label}${NBSP}: ${value}`,
  populationChange: (signedChange: string, baseYear: number) => ` (${signedChange} par rapport à ${baseYear})`,
  status: (label: string) => `Statut${NBSP}: ${label}`,
  outsideRegistry: 'quartier absent du référentiel',
  code: (code: string, code2015: string) => `Code quartier${NBSP}: ${code}${code2015 ? ` (code 2015${NBSP}: ${code2015})` : ''}`,
  communes: (names: string[]) => `${names.length > 1 ? 'Communes concernées' : 'Commune concernée'}${NBSP}: ${names.join(', ')}`,
  agglomeration: (name: string, shortName: string) => `Agglomération${NBSP}: ${name} (${shortName})`,
  mapTitle: 'Cartographie (périmètre 2024-2030)',
  noPerimeter: 'Périmètre non fourni : aucun contour de ce quartier n’a été déposé dans les sources.',
  portraitTitle: 'Portrait statistique',
  noData: 'Aucune donnée disponible pour ce quartier.',
  othersTitle: 'Autres indicateurs disponibles',
};

// How much of a file under sources/ the tool reads. Data files are read
// whole, up to a ceiling per kind (a CSV export of every commune of France
// is a few tens of MB; anything far beyond is not an export of this kind).
// Every other file (a README, a PDF, a video linked there by mistake) is
// listed by name and size and never read.

import { isGeoFile } from './geojson.ts';
import { isOfficeLockFile, isWorkbookFile } from './xlsx-sheets.ts';

export interface SizeLimit {
  /** The kind, as a message names it. */
  kind: string;
  bytes: number;
}

const MB = 1024 * 1024;

export const SIZE_LIMITS = {
  table: { kind: 'fichier CSV', bytes: 200 * MB },
  geo: { kind: 'fichier GeoJSON', bytes: 200 * MB },
  workbook: { kind: 'classeur Excel', bytes: 100 * MB },
  side: { kind: 'fichier voisin (.annee, .encodage, .millesimes)', bytes: 64 * 1024 },
} satisfies Record<string, SizeLimit>;

/** The ceiling of a file read as data, or null for a file the tool never reads (not data). */
export function sizeLimitOf(path: string): SizeLimit | null {
  if (isOfficeLockFile(path)) return null;
  if (/\.(csv|tsv|txt)$/i.test(path)) return SIZE_LIMITS.table;
  if (isGeoFile(path)) return SIZE_LIMITS.geo;
  if (isWorkbookFile(path)) return SIZE_LIMITS.workbook;
  if (/\.(annee|encodage|millesimes)$/.test(path)) return SIZE_LIMITS.side;
  return null;
}

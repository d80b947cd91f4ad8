// Where a quartier's map is published: written by the maps phase, pointed to
// by the portrait.

import { safeFileName } from '../../text/safe-file-name.ts';

/** Where the map of a quartier is written (without extension). */
export function quartierMapBase(code: string): string {
  return `graphiques/${safeFileName(code)}/carte`;
}

/** The file the portrait points to: the SVG when asked for, else the PNG, else none. */
export function quartierMapFile(code: string, formats: ReadonlySet<string>): string | null {
  if (formats.has('svg')) return `${quartierMapBase(code)}.svg`;
  if (formats.has('png')) return `${quartierMapBase(code)}.png`;
  return null;
}

/** Where a territory map is written (without extension): graphiques/carte-<indicateur>, or under its territory's folder. */
export function territoryMapBase(indicator: string, folder = ''): string {
  return `graphiques/${folder ? `${folder}/` : ''}carte-${safeFileName(indicator)}`;
}

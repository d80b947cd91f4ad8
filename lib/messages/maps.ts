// Messages about GeoJSON perimeters and maps. Each says where: file, feature, property.

import { quoteCell } from './quote.ts';
import { frenchList } from './place.ts';

/** « fichier, entité n° 12 (code QP031001), propriété « code_qp » » */
export function featurePlace(file: string, index: number, code?: string, property?: string): string {
  let s = `${file}, entité n° ${index + 1}`;
  if (code) s += ` (${code})`;
  if (property) s += `, propriété « ${quoteCell(property)} »`;
  return s;
}

/** Under the convention's heading « Cartographie (périmètre 2024-2030) », a map of the 2015 perimeter says so. */
const oldPerimeter = (year: string) =>
  year !== '' && Number(year) < 2024 ? " Il s'agit de l'ancien périmètre : le contour 2024-2030 du quartier n'est pas dans les sources (fichier GeoJSON des périmètres 2024 à déposer)." : '';

export const maps = {
  perimetersMatchNoQuartier: (files: string[], count: number, examples: string[]) =>
    `${files.length > 1 ? 'Les fichiers' : 'Le fichier'} ${frenchList(files)} donne${files.length > 1 ? 'nt' : ''} ${count} périmètre${count > 1 ? 's' : ''} de quartier (${frenchList(examples.slice(0, 3))}${examples.length > 3 ? '…' : ''}) mais aucun ne correspond à un code du référentiel (code_2024 ou code_2015) : aucune carte de quartier ne sera dessinée. Vérifiez que les codes du fichier et du référentiel sont de la même liste (QP… pour 2015, QN… pour 2024).`,
  geoJsonSyntax: (file: string, line: number, column: number, detail: string) =>
    `${file}:${line}, colonne ${column} : JSON invalide (${detail}) ; un fichier GeoJSON (FeatureCollection) est attendu.`,
  geoNotFeatureCollection: (file: string, found: string) =>
    `${file} : GeoJSON attendu de type « FeatureCollection » avec une liste « features », lu ${found}.`,
  geoNotFeature: (file: string, index: number) =>
    `${featurePlace(file, index)} : objet de type « Feature » attendu (avec « properties » et « geometry »).`,
  geoNoCodeProperty: (file: string, index: number, expected: string[]) =>
    `${featurePlace(file, index)} : aucune propriété de code ; attendu ${frenchList(expected.map((p) => `« ${quoteCell(p)} »`))} (code du quartier, ou code INSEE pour un contour de commune).`,
  geoEmptyCode: (file: string, index: number, property: string) =>
    `${featurePlace(file, index, undefined, property)} : code vide ; chaque contour doit désigner un quartier ou une commune.`,
  geoBadGeometryType: (file: string, index: number, code: string, found: string) =>
    `${featurePlace(file, index, code, 'geometry')} : géométrie « Polygon » ou « MultiPolygon » attendue, lu ${found}.`,
  geoBadCoordinate: (file: string, index: number, code: string, path: string, found: string) =>
    `${featurePlace(file, index, code, 'geometry')} : coordonnée ${path} invalide, lu ${found} ; deux nombres finis (longitude, latitude) sont attendus.`,
  geoOutOfRange: (file: string, index: number, code: string, path: string, lon: number, lat: number) =>
    `${featurePlace(file, index, code, 'geometry')} : coordonnée ${path} hors des longitudes/latitudes (${lon}, ${lat}) ; le GeoJSON doit être en WGS84 (degrés). Un fichier en Lambert-93 (mètres) doit être reprojeté, par exemple avec QGIS ou ogr2ogr -t_srs EPSG:4326.`,
  geoOpenRing: (file: string, index: number, code: string, path: string) =>
    `${featurePlace(file, index, code, 'geometry')} : anneau ${path} non fermé (le premier et le dernier point diffèrent) ; un polygone GeoJSON se referme sur son premier point.`,
  geoShortRing: (file: string, index: number, code: string, path: string, count: number) =>
    `${featurePlace(file, index, code, 'geometry')} : anneau ${path} de ${count} point${count > 1 ? 's' : ''} ; au moins 4 positions (3 sommets et le retour au premier) sont attendues.`,
  geoEmptyGeometry: (file: string, index: number, code: string) =>
    `${featurePlace(file, index, code, 'geometry')} : géométrie vide ; le contour du quartier ou de la commune est attendu.`,

  mapNoteWithPerimeter: (mapPath: string, year: string, sources: string[]) =>
    `Carte : ${mapPath} (périmètre ${year}, source ${frenchList(sources)}).${oldPerimeter(year)}`,
  mapNoteWithoutMapFile: (year: string, sources: string[]) =>
    `Périmètre ${year} fourni (source ${frenchList(sources)}) ; la carte est produite avec les formats svg ou png.${oldPerimeter(year)}`,
  mapTitle: (code: string, name: string, year: string) => `${name} (${code}) — périmètre ${year}`,
  /** « Taux de pauvreté, 2015 », « Taux de pauvreté, 2015 — département 31 ». */
  mapTerritoryTitle: (label: string, years: string, area?: string) => `${label}, ${years}${area ? ` — ${area}` : ''}`,
  mapDepartement: (code: string) => (code ? `département ${code}` : 'département inconnu'),
  mapIndexLegend: 'Indice (référence = 100)',
  mapValueLegend: (unitLabel: string) => `Valeur${unitLabel ? ` (${unitLabel})` : ''}`,
  mapMissingLegend: 'Valeur non diffusée',
  mapSecret: 'secret statistique',
  mapAbsent: 'non disponible',
  mapStatusLegend: 'Statut',
};

// Geography read from GeoJSON sources: quartier perimeters (2015 or 2024
// list, told apart by their codes) and commune boundaries for context.
// Coordinates are WGS84 longitude/latitude, as GeoJSON requires.

export type Position = [number, number];
/** A polygon: its exterior ring first, then its holes. Rings are closed. */
export type PolygonRings = Position[][];

/** Where a shape was read: file and feature index (0-based, as in the file). */
export interface GeoOrigin {
  file: string;
  feature: number;
}

export interface QuartierPerimeter {
  code: string;
  name: string;
  /** '2015' for QP… codes (the 2015 list), '2024' otherwise (QN… and local QIC codes). */
  year: '2015' | '2024';
  communeCodes: string[];
  communeNames: string[];
  epciCode: string;
  /** Every polygon of the quartier (a MultiPolygon's parts, or several features of one code). */
  polygons: PolygonRings[];
  origins: GeoOrigin[];
}

export interface CommuneBoundary {
  code: string;
  name: string;
  polygons: PolygonRings[];
  origins: GeoOrigin[];
}

export interface GeoSources {
  perimeters: QuartierPerimeter[];
  communes: CommuneBoundary[];
}

export const NO_GEO: GeoSources = { perimeters: [], communes: [] };

// Which perimeter draws a quartier: its 2024 perimeter when given, otherwise
// its 2015 perimeter (the Occitanie files, SIG Ville's « ancien périmètre »).

import type { CommuneBoundary, GeoSources, PolygonRings, QuartierPerimeter } from '../../model/geo.ts';
import { bbox } from './projection.ts';

export function perimeterFor(geo: GeoSources, code: string, code2015: string): QuartierPerimeter | undefined {
  const find = (c: string, year: '2015' | '2024') => (c ? geo.perimeters.find((p) => p.year === year && p.code === c) : undefined);
  return find(code, '2024') ?? find(code2015, '2015') ?? find(code, '2015');
}

/** The source files a perimeter was read from, sorted. */
export function perimeterFiles(p: QuartierPerimeter): string[] {
  return [...new Set(p.origins.map((o) => o.file))].sort();
}

/** Commune boxes, computed once per boundary (every quartier map asks for its neighbours). */
const BOXES = new WeakMap<CommuneBoundary, [number, number, number, number]>();

/** Communes whose bounding box meets the given box [minLon, minLat, maxLon, maxLat]. */
export function communesMeeting(communes: CommuneBoundary[], box: [number, number, number, number]): CommuneBoundary[] {
  return communes.filter((c) => {
    let b = BOXES.get(c);
    if (!b) BOXES.set(c, (b = bbox(c.polygons)));
    return b[0] <= box[2] && b[2] >= box[0] && b[1] <= box[3] && b[3] >= box[1];
  });
}

/** A box's polygon, to fit a projection on it. */
export function boxPolygon([minLon, minLat, maxLon, maxLat]: [number, number, number, number]): PolygonRings {
  return [[[minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat], [minLon, minLat]]];
}

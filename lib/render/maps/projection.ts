// The map projection, computed here rather than left to Vega-Lite's `fit`,
// so that the spec carries explicit numbers (stable, small) and tests can
// project a point exactly as Vega does (same d3 projection through vega).
//
// Metropolitan France: conic conformal with standard parallels 44° and 49°
// and central meridian 3° E — the parameters of Lambert-93 (RGF93), the
// official projection of French maps, on a sphere instead of the GRS80
// ellipsoid (the difference is far below a pixel at quartier or regional
// scale). Vega supports `conicConformal` natively, so the SVG shapes are the
// ones an analyst knows from the IGN maps. Overseas quartiers (Antilles,
// Guyane, Réunion, Mayotte) lie far from those parallels: a transverse
// Mercator centred on the data (what their UTM projections do) is used.

import * as vega from 'vega';
import type { PolygonRings, Position } from '../../model/geo.ts';

export interface MapProjection {
  type: 'conicConformal' | 'transverseMercator';
  parallels?: [number, number];
  rotate: [number, number];
  scale: number;
  translate: [number, number];
}

interface D3Projection {
  (p: Position): [number, number] | null;
  parallels(p: [number, number]): D3Projection;
  rotate(r: [number, number]): D3Projection;
  scale(): number;
  scale(s: number): D3Projection;
  translate(): [number, number];
  translate(t: [number, number]): D3Projection;
  fitExtent(extent: [[number, number], [number, number]], object: unknown): D3Projection;
  invert(p: [number, number]): Position | null;
}

const METROPOLE = { lon: [-5.5, 10], lat: [41, 51.5] } as const;

function create(p: Omit<MapProjection, 'scale' | 'translate'>): D3Projection {
  const ctor = (vega as unknown as { projection: (t: string) => () => D3Projection }).projection(p.type);
  let proj = ctor().rotate(p.rotate);
  if (p.parallels) proj = proj.parallels(p.parallels);
  return proj;
}

/** A projection fitted to the polygons in a width × height frame with a margin. */
export function fitProjection(polygons: PolygonRings[], width: number, height: number, margin = 10): MapProjection {
  const [minLon, minLat, maxLon, maxLat] = bbox(polygons);
  const inMetropole = minLon >= METROPOLE.lon[0] && maxLon <= METROPOLE.lon[1] && minLat >= METROPOLE.lat[0] && maxLat <= METROPOLE.lat[1];
  const base: Omit<MapProjection, 'scale' | 'translate'> = inMetropole
    ? { type: 'conicConformal', parallels: [44, 49], rotate: [-3, 0] }
    : { type: 'transverseMercator', rotate: [round(-(minLon + maxLon) / 2, 3), 0] };
  // Fit on the bounding box's corners and edge midpoints: same extent as the shapes, far fewer points.
  const frame = {
    type: 'MultiPoint',
    coordinates: [
      [minLon, minLat], [maxLon, minLat], [maxLon, maxLat], [minLon, maxLat],
      [(minLon + maxLon) / 2, minLat], [(minLon + maxLon) / 2, maxLat], [minLon, (minLat + maxLat) / 2], [maxLon, (minLat + maxLat) / 2],
    ],
  };
  const fitted = create(base).fitExtent([[margin, margin], [width - margin, height - margin]], frame);
  const t = fitted.translate();
  return { ...base, scale: round(fitted.scale(), 3), translate: [round(t[0], 2), round(t[1], 2)] };
}

/** The projection as a function lon/lat → pixels, identical to the one Vega draws with. */
export function projector(p: MapProjection): { project: (pos: Position) => [number, number]; invert: (xy: [number, number]) => Position } {
  const proj = create(p).scale(p.scale).translate(p.translate);
  return {
    project: (pos) => proj(pos) ?? [NaN, NaN],
    invert: (xy) => proj.invert(xy) ?? [NaN, NaN],
  };
}

export function bbox(polygons: PolygonRings[]): [number, number, number, number] {
  let minLon = Infinity, minLat = Infinity, maxLon = -Infinity, maxLat = -Infinity;
  for (const poly of polygons) {
    for (const [lon, lat] of poly[0] ?? []) {
      if (lon < minLon) minLon = lon;
      if (lon > maxLon) maxLon = lon;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  return [minLon, minLat, maxLon, maxLat];
}

export function round(x: number, decimals: number): number {
  const f = 10 ** decimals;
  const r = Math.round(x * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

// Polygons made ready for Vega's geoshape: winding as d3-geo wants it
// (exterior rings clockwise, holes counter-clockwise, in lon/lat — the
// reverse of RFC 7946, and a wrong winding fills the whole globe), vertices
// closer than a fraction of a pixel dropped, coordinates rounded to 5
// decimals (about a metre) to keep the inlined specs small and stable.

import type { PolygonRings, Position } from '../../model/geo.ts';
import { round } from './projection.ts';

export interface GeoFeature {
  type: 'Feature';
  properties: Record<string, string | number | null>;
  geometry: { type: 'MultiPolygon'; coordinates: Position[][][] };
}

/** Signed planar area of a ring in its own coordinates (positive = counter-clockwise with y up). */
export function signedArea(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let i = 0, n = ring.length; i < n - 1; i++) s += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return s / 2;
}

/**
 * The polygons as d3 draws them, simplified for the given projection: a
 * vertex is kept when it lies at least `tolerance` pixels from the last kept
 * one. Rings that collapse below 4 positions are dropped (holes) or kept
 * unsimplified (exteriors), so no quartier disappears.
 */
export function prepareForD3(polygons: PolygonRings[], project: (p: Position) => [number, number], tolerance = 0.5): Position[][][] {
  return polygons.map((rings) =>
    rings
      .map((ring, r) => {
        let kept = simplifyRing(ring, project, tolerance);
        if (kept.length < 4) {
          if (r > 0) return null;
          kept = ring;
        }
        const rounded = kept.map(([lon, lat]) => [round(lon, 5), round(lat, 5)] as Position);
        const clockwise = signedArea(rounded) < 0;
        const wantClockwise = r === 0;
        return clockwise === wantClockwise ? rounded : [...rounded].reverse();
      })
      .filter((ring): ring is Position[] => ring !== null),
  );
}

function simplifyRing(ring: Position[], project: (p: Position) => [number, number], tolerance: number): Position[] {
  if (tolerance <= 0) return ring;
  const out: Position[] = [ring[0]!];
  let last = project(ring[0]!);
  for (let i = 1; i < ring.length - 1; i++) {
    const xy = project(ring[i]!);
    if (Math.hypot(xy[0] - last[0], xy[1] - last[1]) >= tolerance) {
      out.push(ring[i]!);
      last = xy;
    }
  }
  out.push(ring[ring.length - 1]!);
  return out;
}

/** Projected area (px²) and centroid of the polygons' exterior rings minus holes. */
export function projectedAreaAndCentroid(polygons: PolygonRings[], project: (p: Position) => [number, number]): { area: number; centroid: [number, number] } {
  let area = 0, cx = 0, cy = 0;
  let fallback: [number, number] = [0, 0];
  for (const rings of polygons) {
    rings.forEach((ring, r) => {
      const pts = ring.map(project);
      if (r === 0 && area === 0) fallback = pts[0] ?? fallback;
      let a = 0, x = 0, y = 0;
      for (let i = 0; i < pts.length - 1; i++) {
        const [x0, y0] = pts[i]!;
        const [x1, y1] = pts[i + 1]!;
        const c = x0 * y1 - x1 * y0;
        a += c;
        x += (x0 + x1) * c;
        y += (y0 + y1) * c;
      }
      // Exterior adds, holes subtract, whatever their winding.
      const sign = (r === 0 ? 1 : -1) * Math.sign(a || 1);
      area += sign * a / 2;
      cx += sign * x / 6;
      cy += sign * y / 6;
    });
  }
  if (Math.abs(area) < 1e-9) return { area: 0, centroid: fallback };
  return { area: Math.abs(area), centroid: [cx / area, cy / area] };
}

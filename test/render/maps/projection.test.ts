import { describe, expect, it } from 'vitest';
import { fitProjection, projector } from '../../../lib/render/maps/projection.ts';
import { prepareForD3, projectedAreaAndCentroid, signedArea } from '../../../lib/render/maps/shapes.ts';
import type { PolygonRings, Position } from '../../../lib/model/geo.ts';
import { occitanieGeo } from './occitanie.ts';

const rect = (x0: number, y0: number, x1: number, y1: number): Position[] => [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]];

describe('map projection', () => {
  it('fits every Occitanie perimeter inside the frame with Lambert-93 parameters', () => {
    const polygons = occitanieGeo().perimeters.flatMap((p) => p.polygons);
    const p = fitProjection(polygons, 640, 520, 24);
    expect(p).toMatchObject({ type: 'conicConformal', parallels: [44, 49], rotate: [-3, 0] });
    const { project } = projector(p);
    const xy = polygons.flatMap((poly) => poly[0]!.map(project));
    expect(Math.min(...xy.map((q) => q[0]))).toBeGreaterThanOrEqual(23);
    expect(Math.max(...xy.map((q) => q[0]))).toBeLessThanOrEqual(617);
    expect(Math.min(...xy.map((q) => q[1]))).toBeGreaterThanOrEqual(23);
    expect(Math.max(...xy.map((q) => q[1]))).toBeLessThanOrEqual(497);
    // North is up: a more northern point is higher on the map.
    expect(project([1.44, 44.0])[1]).toBeLessThan(project([1.44, 43.6])[1]);
  });

  it('uses a transverse Mercator centred on overseas quartiers (Réunion)', () => {
    const p = fitProjection([[rect(55.44, -20.9, 55.47, -20.88)]], 480, 400);
    expect(p.type).toBe('transverseMercator');
    expect(p.rotate[0]).toBeCloseTo(-55.455, 3);
    const { project } = projector(p);
    const [x, y] = project([55.455, -20.89]);
    expect(x).toBeCloseTo(240, 0);
    expect(y).toBeCloseTo(200, 0);
  });
});

describe('shapes for d3', () => {
  it('gives exteriors clockwise and holes counter-clockwise whatever the source winding', () => {
    const ccwExterior = rect(2, 50, 2.1, 50.1);
    const cwHole = [...rect(2.02, 50.02, 2.05, 50.05)].reverse();
    const rfc: PolygonRings = [ccwExterior, cwHole];
    const reversed: PolygonRings = [[...ccwExterior].reverse(), [...cwHole].reverse()];
    const id = (p: Position): [number, number] => [p[0] * 1000, p[1] * 1000];
    const a = prepareForD3([rfc], id, 0);
    const b = prepareForD3([reversed], id, 0);
    expect(signedArea(a[0]![0]!)).toBeLessThan(0);
    expect(signedArea(a[0]![1]!)).toBeGreaterThan(0);
    expect(signedArea(b[0]![0]!)).toBeLessThan(0);
    expect(signedArea(b[0]![1]!)).toBeGreaterThan(0);
    expect(rfc[0]![1]).toEqual([2.1, 50]); // input left as it was
  });

  it('drops vertices closer than the tolerance but keeps every quartier', () => {
    const dense: Position[] = [[0, 0], [0.0001, 0], [0.0002, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
    const px = (p: Position): [number, number] => [p[0] * 100, p[1] * 100];
    const [[ring]] = prepareForD3([[dense]], px, 0.5) as Position[][][] as [[Position[]]];
    expect(ring).toHaveLength(5);
    const tiny: Position[] = rect(0, 0, 0.00001, 0.00001);
    expect(prepareForD3([[tiny]], px, 0.5)[0]![0]).toHaveLength(5);
  });

  it('measures projected area and centroid, holes subtracted', () => {
    const id = (p: Position): [number, number] => [p[0], p[1]];
    const { area, centroid } = projectedAreaAndCentroid([[rect(0, 0, 10, 10), rect(0, 0, 5, 10)]], id);
    expect(area).toBeCloseTo(50);
    expect(centroid[0]).toBeCloseTo(7.5);
    expect(centroid[1]).toBeCloseTo(5);
  });
});

// The map of one quartier: its perimeter over its commune(s), with the
// neighbouring communes for context and their names placed without
// collisions. A Vega-Lite spec with its data inlined; the projection's
// numbers are explicit (see projection.ts).

import type { TopLevelSpec } from 'vega-lite';
import type { CommuneBoundary, Position, QuartierPerimeter } from '../../model/geo.ts';
import { msg } from '../../messages/index.ts';
import { bbox, fitProjection, projector } from './projection.ts';
import { prepareForD3, projectedAreaAndCentroid, type GeoFeature } from './shapes.ts';
import { boxPolygon, communesMeeting, perimeterFiles } from './perimeter-of.ts';
import { placeLabels } from './labels.ts';

export const MAP_COLORS = {
  communeFill: '#f2f0eb',
  ownCommuneFill: '#e4e0d6',
  communeStroke: '#8f8a80',
  perimeterFill: '#e8590c',
  perimeterStroke: '#a63a00',
  label: '#4a4a4a',
};

export interface QuartierMapInput {
  code: string;
  name: string;
  status?: string;
  perimeter: QuartierPerimeter;
  /** Every commune boundary available; those around the quartier are drawn. */
  communes: CommuneBoundary[];
  /** Commune codes of the quartier (registry and perimeter). */
  communeCodes: string[];
  font: string;
  textWidth: (text: string, size: number) => number;
  width?: number;
  height?: number;
}

/** The quartier is fitted with its commune(s) unless it would then be smaller than this share of the frame. */
const MIN_SHARE_OF_FRAME = 0.2;

export function quartierMapSpec(input: QuartierMapInput): TopLevelSpec {
  const width = input.width ?? 480;
  const height = input.height ?? 400;
  const p = input.perimeter;
  const own = new Set(input.communeCodes);
  const ownCommunes = input.communes.filter((c) => own.has(c.code));
  const qBox = bbox(p.polygons);
  const span = Math.max(qBox[2] - qBox[0], qBox[3] - qBox[1], 0.004);
  const withCommunes = ownCommunes.length ? bbox([...p.polygons, ...ownCommunes.flatMap((c) => c.polygons)]) : qBox;
  const commonSpan = Math.max(withCommunes[2] - withCommunes[0], withCommunes[3] - withCommunes[1]);
  const frame: [number, number, number, number] =
    ownCommunes.length && span / commonSpan >= MIN_SHARE_OF_FRAME
      ? withCommunes
      : [qBox[0] - span, qBox[1] - span, qBox[2] + span, qBox[3] + span];
  const projection = fitProjection([boxPolygon(frame)], width, height, 12);
  const { project, invert } = projector(projection);
  const around = communesMeeting(input.communes, frame);

  const communeFeature = (c: CommuneBoundary): GeoFeature => ({
    type: 'Feature', properties: { code: c.code, nom: c.name }, geometry: { type: 'MultiPolygon', coordinates: prepareForD3(c.polygons, project) },
  });
  const perimeterFeature: GeoFeature = {
    type: 'Feature', properties: { code: input.code, nom: input.name, statut: input.status ?? '' },
    geometry: { type: 'MultiPolygon', coordinates: prepareForD3(p.polygons, project, 0.25) },
  };
  const labels = placeLabels(
    around
      .map((c) => ({ c, ...projectedAreaAndCentroid(c.polygons, project) }))
      .filter((x) => x.c.name)
      .sort((a, b) => Number(own.has(b.c.code)) - Number(own.has(a.c.code)) || b.area - a.area || (a.c.code < b.c.code ? -1 : 1))
      // A commune larger than the frame has its centre outside: its name is drawn at the nearest point inside.
      .map((x) => ({ text: x.c.name, x: clamp(x.centroid[0], 20, width - 60), y: clamp(x.centroid[1], 20, height - 20) })),
    { width, height, fontSize: 11, textWidth: input.textWidth, avoid: [pixelBox(p.polygons, project)], reach: [1, 4, 8, 16, 32] },
  ).map((l) => ({ ...lonLat(invert([l.x, l.y])), texte: l.text }));

  const layers: unknown[] = [];
  const others = around.filter((c) => !own.has(c.code));
  const mine = around.filter((c) => own.has(c.code));
  if (others.length) layers.push({ data: { values: others.map(communeFeature) }, mark: { type: 'geoshape', fill: MAP_COLORS.communeFill, stroke: MAP_COLORS.communeStroke, strokeWidth: 0.6, clip: true } });
  if (mine.length) layers.push({ data: { values: mine.map(communeFeature) }, mark: { type: 'geoshape', fill: MAP_COLORS.ownCommuneFill, stroke: MAP_COLORS.communeStroke, strokeWidth: 1.2, clip: true } });
  layers.push({
    data: { values: [perimeterFeature] },
    mark: {
      type: 'geoshape', fill: MAP_COLORS.perimeterFill, fillOpacity: 0.45, stroke: MAP_COLORS.perimeterStroke, strokeWidth: 2, clip: true,
      ...(input.status === 'QIC' ? { strokeDash: [6, 3] } : {}),
    },
  });
  if (labels.length) layers.push(...labelLayers(labels, MAP_COLORS.label, 11));

  const sources = perimeterFiles(p);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width, height, background: 'white', padding: 8,
    title: { text: msg.mapTitle(input.code, input.name, p.year), subtitle: `Contour : ${sources.join(', ')}`, anchor: 'start', fontSize: 14, subtitleFontSize: 10, subtitleColor: '#666' },
    config: { font: input.font, view: { stroke: '#cfcac0' } },
    projection,
    layer: layers,
  } as unknown as TopLevelSpec;
}

export function labelLayers(values: { longitude: number; latitude: number; texte: string }[], color: string, fontSize: number): unknown[] {
  const encoding = { longitude: { field: 'longitude', type: 'quantitative' }, latitude: { field: 'latitude', type: 'quantitative' }, text: { field: 'texte', type: 'nominal' } };
  const base = { type: 'text', align: 'left', baseline: 'middle', fontSize };
  return [
    { data: { values }, mark: { ...base, stroke: 'white', strokeWidth: 3, strokeOpacity: 0.85, strokeJoin: 'round', fill: 'white' }, encoding },
    { data: { values }, mark: { ...base, fill: color }, encoding },
  ];
}

export function lonLat(p: Position): { longitude: number; latitude: number } {
  return { longitude: Math.round(p[0] * 1e5) / 1e5, latitude: Math.round(p[1] * 1e5) / 1e5 };
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

function pixelBox(polygons: QuartierPerimeter['polygons'], project: (p: Position) => [number, number]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const poly of polygons) for (const pt of poly[0] ?? []) {
    const [x, y] = project(pt);
    x0 = Math.min(x0, x); x1 = Math.max(x1, x); y0 = Math.min(y0, y); y1 = Math.max(y1, y);
  }
  return [x0, y0, x1, y1];
}

// The territory's map for one indicator: every quartier with a perimeter,
// coloured by its index (reference = 100) or, for counts and areas, by its
// value. Quartiers too small to see at this scale are drawn as a symbol at
// their centroid; QPV and QIC differ by outline (solid/dashed) and symbol
// (circle/square); secret and missing values have their own legend.

import type { TopLevelSpec } from 'vega-lite';
import type { CommuneBoundary, QuartierPerimeter } from '../../model/geo.ts';
import type { Indicator } from '../../model/types.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import { msg } from '../../messages/index.ts';
import { formatValue } from '../portrait/format-value.ts';
import { bbox, fitProjection, projector, type MapProjection } from './projection.ts';
import { prepareForD3, projectedAreaAndCentroid, type GeoFeature } from './shapes.ts';
import { communesMeeting } from './perimeter-of.ts';
import { placeLabels } from './labels.ts';
import { labelLayers, lonLat, MAP_COLORS } from './quartier-map.ts';

export interface TerritoryQuartier {
  code: string;
  name: string;
  status: string;
  perimeter: QuartierPerimeter;
  /** The figure shown (latest up to the report's year), if any. */
  row?: TidyRow;
  /** Name of its (first) commune, for the place labels. */
  commune: string;
}

export interface TerritoryMapInput {
  indicator: Indicator;
  /** The report's year: the title gives the years of the mapped values, which may be older. */
  year: number;
  /** The territory's name in the title, when the report maps several (« CABBALR », « département 31 »). */
  area?: string;
  quartiers: TerritoryQuartier[];
  communes: CommuneBoundary[];
  font: string;
  textWidth: (text: string, size: number) => number;
  width?: number;
  height?: number;
}

/** Below this projected area (px²) a quartier is drawn as a symbol. */
export const MIN_VISIBLE_AREA = 40;

const UNIT_LABELS: Record<string, string> = { pct: '%', habitants: 'habitants', hectares: 'ha', euros: '€', indice: '', nombre: '' };

/** Index for rates and amounts; value for counts and areas (their ratio to the agglomeration means little). */
export function territoryMode(indicator: Indicator, rows: (TidyRow | undefined)[]): 'indice' | 'valeur' {
  if (indicator.unit === 'habitants' || indicator.unit === 'hectares') return 'valeur';
  return rows.some((r) => r?.indice !== null && r?.indice !== undefined) ? 'indice' : 'valeur';
}

function projectedHeight(p: MapProjection, [minLon, minLat, maxLon, maxLat]: [number, number, number, number]): number {
  const { project } = projector(p);
  const ys = [[minLon, minLat], [maxLon, minLat], [minLon, maxLat], [maxLon, maxLat], [(minLon + maxLon) / 2, minLat], [(minLon + maxLon) / 2, maxLat]].map((pt) => project(pt as [number, number])[1]);
  return Math.max(...ys) - Math.min(...ys);
}

/** 100 ± the largest gap, rounded up to ten: the reference sits at the scale's neutral middle colour. */
function symmetricDomain(quartiers: TerritoryQuartier[]): [number, number] {
  const gaps = quartiers.map((q) => (q.row?.etat === 'valeur' && q.row.indice !== null ? Math.abs(q.row.indice - 100) : 0));
  const d = Math.max(10, Math.ceil(Math.max(...gaps) / 10) * 10);
  return [100 - d, 100 + d];
}

/** The years of the values the map shows (« 2015 », « 2019-2021 »); the report's year when none is shown. */
export function mappedYears(quartiers: TerritoryQuartier[], reportYear: number): string {
  const years = [...new Set(quartiers.map((q) => q.row?.annee).filter((y): y is number => y !== undefined))].sort((a, b) => a - b);
  if (years.length === 0) return String(reportYear);
  return years.length === 1 ? String(years[0]) : `${years[0]}-${years[years.length - 1]}`;
}

export function territoryMapSpec(input: TerritoryMapInput): TopLevelSpec {
  const width = input.width ?? 640;
  const maxHeight = input.height ?? 560;
  const { indicator } = input;
  const quartiers = [...input.quartiers].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const mode = territoryMode(indicator, quartiers.map((q) => q.row));
  const all = quartiers.flatMap((q) => q.perimeter.polygons);
  const box = bbox(all);
  // Fitted to the width; the height shrinks to what the territory needs (no empty band under a wide region).
  const firstFit = fitProjection(all, width, maxHeight, 24);
  const height = Math.min(maxHeight, Math.ceil(projectedHeight(firstFit, box) + 48));
  const projection = fitProjection(all, width, height, 24);
  const { project, invert } = projector(projection);

  const field = mode === 'indice' ? 'indice' : 'valeur';
  const polygons: GeoFeature[] = [];
  const symbols: Record<string, string | number | null>[] = [];
  const centroids = new Map<string, [number, number][]>();
  for (const q of quartiers) {
    const r = q.row;
    const shown = r && r.etat === 'valeur' && (mode === 'valeur' ? r.valeur : r.indice) !== null;
    const props: Record<string, string | number | null> = {
      code: q.code, nom: q.name, statut: q.status,
      [field]: shown ? Math.round((mode === 'valeur' ? r!.valeur! : r!.indice!) * 10) / 10 : null,
      manque: shown ? null : r?.etat === 'secret' ? msg.mapSecret : msg.mapAbsent,
      texte: r ? formatValue({ state: r.etat, value: r.valeur, bound: r.borne, decimals: r.decimales, unit: r.unite }) + (r.annee !== input.year ? ` (${r.annee})` : '') : msg.mapAbsent,
    };
    const { area, centroid } = projectedAreaAndCentroid(q.perimeter.polygons, project);
    const list = centroids.get(q.commune) ?? [];
    list.push(centroid);
    centroids.set(q.commune, list);
    if (area < MIN_VISIBLE_AREA) symbols.push({ ...props, ...lonLat(invert(centroid)) });
    else polygons.push({ type: 'Feature', properties: props, geometry: { type: 'MultiPolygon', coordinates: prepareForD3(q.perimeter.polygons, project) } });
  }

  const statuses = ['QPV', 'QIC'].filter((s) => quartiers.some((q) => q.status === s));
  const others = [...new Set(quartiers.map((q) => q.status).filter((s) => s && !statuses.includes(s)))].sort();
  const statusDomain = [...statuses, ...others];
  const dash = statusDomain.length === 0 ? undefined : { field: 'properties.statut', type: 'nominal', title: msg.mapStatusLegend, scale: { domain: statusDomain, range: statusDomain.map((s) => (s === 'QIC' ? [5, 3] : [1, 0])) } };
  const shape = statusDomain.length === 0 ? undefined : { field: 'statut', type: 'nominal', title: msg.mapStatusLegend, scale: { domain: statusDomain, range: statusDomain.map((s) => (s === 'QIC' ? 'square' : 'circle')) } };
  const colorScale = mode === 'indice'
    ? { type: 'linear', domain: symmetricDomain(quartiers), clamp: true, scheme: indicator.polarity === 'neutre' ? 'purpleorange' : 'redblue', reverse: indicator.polarity === 'baisse_favorable' }
    : { type: 'linear', scheme: 'blues', zero: false };
  const colorTitle = mode === 'indice' ? msg.mapIndexLegend : msg.mapValueLegend(UNIT_LABELS[indicator.unit] ?? '');
  const color = (prefix: string) => ({ field: `${prefix}${field}`, type: 'quantitative', title: colorTitle, scale: colorScale, legend: { format: ',.0f', direction: 'vertical', gradientLength: 140 } });
  const missingFill = (prefix: string) => ({
    field: `${prefix}manque`, type: 'nominal', title: msg.mapMissingLegend, scale: { domain: [msg.mapSecret, msg.mapAbsent], range: ['#9e9e9e', '#ffffff'] },
  });
  const tooltip = (prefix: string) => [
    { field: `${prefix}nom`, type: 'nominal', title: 'Quartier' },
    { field: `${prefix}code`, type: 'nominal', title: 'Code' },
    { field: `${prefix}texte`, type: 'nominal', title: indicator.label },
  ];

  const layers: unknown[] = [];
  const around = communesMeeting(input.communes, box);
  if (around.length) {
    layers.push({
      data: { values: around.map((c) => ({ type: 'Feature', properties: { code: c.code, nom: c.name }, geometry: { type: 'MultiPolygon', coordinates: prepareForD3(c.polygons, project, 0.8) } })) },
      mark: { type: 'geoshape', fill: MAP_COLORS.communeFill, stroke: MAP_COLORS.communeStroke, strokeWidth: 0.4, clip: true },
    });
  }
  const valued = polygons.filter((f) => f.properties.manque === null);
  const missing = polygons.filter((f) => f.properties.manque !== null);
  const polyMark = { type: 'geoshape', stroke: '#333333', strokeWidth: 0.8, clip: true };
  if (valued.length) layers.push({ data: { values: valued }, mark: polyMark, encoding: { color: color('properties.'), ...(dash && { strokeDash: dash }), tooltip: tooltip('properties.') } });
  if (missing.length) layers.push({ data: { values: missing }, mark: polyMark, encoding: { fill: missingFill('properties.'), ...(dash && { strokeDash: dash }), tooltip: tooltip('properties.') } });
  const pointMark = { type: 'point', filled: true, size: 55, stroke: '#333333', strokeWidth: 0.8, opacity: 1 };
  const geo = { longitude: { field: 'longitude', type: 'quantitative' }, latitude: { field: 'latitude', type: 'quantitative' } };
  const valuedSymbols = symbols.filter((s) => s.manque === null);
  const missingSymbols = symbols.filter((s) => s.manque !== null);
  if (valuedSymbols.length) layers.push({ data: { values: valuedSymbols }, mark: pointMark, encoding: { ...geo, color: color(''), ...(shape && { shape }), tooltip: tooltip('') } });
  if (missingSymbols.length) layers.push({ data: { values: missingSymbols }, mark: pointMark, encoding: { ...geo, fill: missingFill(''), ...(shape && { shape }), tooltip: tooltip('') } });

  // Place names: one per commune, the communes with most quartiers first.
  const labels = placeLabels(
    [...centroids.entries()]
      .filter(([name]) => name)
      .map(([name, pts]) => ({ name, n: pts.length, x: pts.reduce((s, p) => s + p[0], 0) / pts.length, y: pts.reduce((s, p) => s + p[1], 0) / pts.length }))
      .sort((a, b) => b.n - a.n || (a.name < b.name ? -1 : 1))
      .map((c) => ({ text: c.name, x: c.x, y: c.y })),
    { width, height, fontSize: 10, textWidth: input.textWidth, gap: 6 },
  ).map((l) => ({ ...lonLat(invert([l.x, l.y])), texte: l.text }));
  if (labels.length) layers.push(...labelLayers(labels, MAP_COLORS.label, 10));

  const references = [...new Set(quartiers.map((q) => q.row?.reference).filter((r): r is string => !!r))].sort();
  const subtitle = mode === 'indice'
    ? `Indice = quartier / référence × 100${references.length === 1 ? ` (référence : ${references[0]})` : ' (référence de chaque quartier)'}`
    : `Valeur du quartier${UNIT_LABELS[indicator.unit] ? ` (${UNIT_LABELS[indicator.unit]})` : ''}`;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    width, height, background: 'white', padding: 8,
    title: { text: msg.mapTerritoryTitle(indicator.label, mappedYears(quartiers, input.year), input.area), subtitle, anchor: 'start', fontSize: 14, subtitleFontSize: 10, subtitleColor: '#666' },
    config: { font: input.font, view: { stroke: '#cfcac0' }, legend: { labelFontSize: 10, titleFontSize: 10 } },
    projection,
    layer: layers,
    resolve: { legend: { shape: 'shared', strokeDash: 'shared' } },
  } as unknown as TopLevelSpec;
}

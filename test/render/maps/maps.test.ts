import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import { compile, type TopLevelSpec } from 'vega-lite';
import { createChartRenderer } from '../../../lib/render/charts/render.ts';
import { loadChartFonts } from '../../../pipeline/fonts.ts';
import { quartierMapSpec, MAP_COLORS } from '../../../lib/render/maps/quartier-map.ts';
import { territoryMapSpec, type TerritoryQuartier } from '../../../lib/render/maps/territory-map.ts';
import { projector, type MapProjection } from '../../../lib/render/maps/projection.ts';
import { perimeterFor } from '../../../lib/render/maps/perimeter-of.ts';
import type { Position } from '../../../lib/model/geo.ts';
import type { TidyRow } from '../../../lib/model/tidy-row.ts';
import { msg } from '../../../lib/messages/index.ts';
import { decodePng } from '../../helpers/png.ts';
import { expectGolden } from '../../helpers/golden.ts';
import { occitanieGeo, occitaniePovertyRows, POVERTY, PERIMETERS_FILE } from './occitanie.ts';

const fonts = loadChartFonts();
const renderer = createChartRenderer(fonts);
const text = { font: fonts.family, textWidth: (t: string, s: number) => renderer.textWidth(t, s) };
const geo = occitanieGeo();
const rows = occitaniePovertyRows();

const schema = JSON.parse(readFileSync(fileURLToPath(new URL('../../../node_modules/vega-lite/build/vega-lite-schema.json', import.meta.url)), 'utf8'));
const validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(schema);

function tarbesSpec(): TopLevelSpec {
  const p = geo.perimeters.find((x) => x.code === 'QP065003')!;
  return quartierMapSpec({ code: p.code, name: p.name, status: 'QPV', perimeter: p, communes: geo.communes, communeCodes: p.communeCodes, ...text });
}

function occitanieQuartiers(rowsIn: TidyRow[] = rows): TerritoryQuartier[] {
  return geo.perimeters.map((p) => ({ code: p.code, name: p.name, status: 'QPV', perimeter: p, row: rowsIn.find((r) => r.quartier_code === p.code), commune: p.communeNames[0] ?? '' }));
}

function choroplethSpec(rowsIn: TidyRow[] = rows): TopLevelSpec {
  return territoryMapSpec({ indicator: POVERTY, year: 2015, quartiers: occitanieQuartiers(rowsIn), communes: geo.communes, ...text });
}

/** Schema-valid, compiled with no warning, input unchanged. */
function expectSoundSpec(spec: TopLevelSpec): void {
  const ok = validate(spec);
  expect(ok, JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
  const before = JSON.stringify(spec);
  const warnings: unknown[] = [];
  const logger = { level: () => logger, error: (...a: unknown[]) => warnings.push(a), warn: (...a: unknown[]) => warnings.push(a), info: () => logger, debug: () => logger };
  compile(spec, { logger: logger as never });
  expect(warnings).toEqual([]);
  expect(JSON.stringify(spec)).toBe(before);
}

type Layer = { data: { values: Record<string, unknown>[] }; mark: { type: string; fill?: string }; encoding?: Record<string, { field?: string }> };
const layersOf = (spec: TopLevelSpec) => (spec as unknown as { layer: Layer[] }).layer;
const projectionOf = (spec: TopLevelSpec) => (spec as unknown as { projection: MapProjection }).projection;

describe('quartier map', () => {
  it('is a valid Vega-Lite spec with a Lambert-93-like projection and the title with code, name and year', () => {
    const spec = tarbesSpec();
    expectSoundSpec(spec);
    expect(projectionOf(spec)).toMatchObject({ type: 'conicConformal', parallels: [44, 49], rotate: [-3, 0] });
    expect((spec as { title: { text: string } }).title.text).toBe(msg.mapTitle('QP065003', 'Tarbes Est', '2015'));
    expect(JSON.stringify(tarbesSpec())).toBe(JSON.stringify(spec));
  });

  it('renders the same SVG as the golden file, twice', async () => {
    const a = await renderer.svg(tarbesSpec());
    const b = await renderer.svg(tarbesSpec());
    expect(a).toBe(b);
    expect(a).toContain('Tarbes Est (QP065003)');
    expectGolden('maps/QP065003-carte.svg', a);
  });

  it('draws the perimeter where the geometry says: a point inside is perimeter-coloured, a point outside is commune-coloured', async () => {
    const spec = tarbesSpec();
    const svg = await renderer.svg(spec);
    const png = decodePng(renderer.png(svg, { scale: 2 }));
    const [ox, oy] = /transform="translate\(([\d.]+),([\d.]+)\)"/.exec(svg)!.slice(1).map(Number) as [number, number];
    const { project } = projector(projectionOf(spec));
    const perimeter = geo.perimeters.find((x) => x.code === 'QP065003')!.polygons[0]![0]!.map(project);
    const tarbes = geo.communes.find((c) => c.code === '65440')!.polygons.map((p) => p[0]!.map(project));
    const inside = deepInside(perimeter, 4);
    expect(inside, 'no pixel 4 px inside the perimeter').toBeDefined();
    const bbox = boxOf(perimeter);
    const outside: [number, number] = [bbox[0] - 40, (bbox[1] + bbox[3]) / 2];
    expect(tarbes.some((ring) => pointInRing(outside, ring))).toBe(true);
    expect(pointInRing(outside, perimeter)).toBe(false);
    const at = ([x, y]: [number, number]) => png.pixel(Math.round((x + ox) * 2), Math.round((y + oy) * 2));
    const blended = mix(hex(MAP_COLORS.perimeterFill), hex(MAP_COLORS.ownCommuneFill), 0.45);
    expect(distance(at(inside!), blended)).toBeLessThan(12);
    expect(distance(at(outside), hex(MAP_COLORS.ownCommuneFill))).toBeLessThan(12);
    // Not blank: several colours.
    const seen = new Set<string>();
    for (let y = 0; y < png.height; y += 7) for (let x = 0; x < png.width; x += 7) seen.add(png.pixel(x, y).slice(0, 3).join());
    expect(seen.size).toBeGreaterThan(5);
  });

  it('names the quartier’s commune on each of the 105 Occitanie quartier maps, clear of the perimeter', () => {
    const names = new Map(geo.communes.map((c) => [c.code, c.name]));
    for (const p of geo.perimeters) {
      const spec = quartierMapSpec({ code: p.code, name: p.name, perimeter: p, communes: geo.communes, communeCodes: p.communeCodes, ...text });
      const labels = layersOf(spec).filter((l) => l.mark.type === 'text').flatMap((l) => l.data.values.map((v) => v.texte));
      expect(labels, p.code).toContain(names.get(p.communeCodes[0]!));
    }
  });

  it('prefers a 2024 perimeter and falls back to the 2015 one by the quartier’s 2015 code', () => {
    const p2015 = geo.perimeters.find((x) => x.code === 'QP065003')!;
    const p2024 = { ...p2015, code: 'QN06599M', year: '2024' as const };
    const g = { perimeters: [p2015, p2024], communes: [] };
    expect(perimeterFor(g, 'QN06599M', 'QP065003')?.year).toBe('2024');
    expect(perimeterFor(g, 'QN00000M', 'QP065003')?.year).toBe('2015');
    expect(perimeterFor(g, 'QN00000M', '')).toBeUndefined();
  });
});

describe('territory map (Occitanie choropleth)', () => {
  it('is a valid spec where every quartier appears once, as a polygon or, when too small, as a symbol', () => {
    const spec = choroplethSpec();
    expectSoundSpec(spec);
    const layers = layersOf(spec);
    const codes = layers.filter((l) => l.mark.fill !== MAP_COLORS.communeFill).flatMap((l) => l.data.values.map((v) => (v.properties as { code?: string } | undefined)?.code ?? (v.code as string | undefined))).filter(Boolean);
    expect(codes.sort()).toEqual(geo.perimeters.map((p) => p.code).sort());
    expect(layers.some((l) => l.mark.type === 'point')).toBe(true);
  });

  it('places labels that do not overlap', () => {
    const spec = choroplethSpec();
    const { project } = projector(projectionOf(spec));
    const labelLayer = layersOf(spec).filter((l) => l.mark.type === 'text').at(-1)!;
    const boxes = labelLayer.data.values.map((v) => {
      const [x, y] = project([v.longitude as number, v.latitude as number] as Position);
      return [x, y - 6, x + text.textWidth(v.texte as string, 10), y + 6] as const;
    });
    expect(boxes.length).toBeGreaterThan(20);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const [a, b] = [boxes[i]!, boxes[j]!];
        expect(a[0] < b[2] - 0.5 && a[2] > b[0] + 0.5 && a[1] < b[3] - 0.5 && a[3] > b[1] + 0.5, `${labelLayer.data.values[i]!.texte} × ${labelLayer.data.values[j]!.texte}`).toBe(false);
      }
  });

  it('shows secret values as such, with their own legend', async () => {
    const withSecret = rows.map((r) => (r.quartier_code === 'QP031001' ? { ...r, etat: 'secret' as const, valeur: null, indice: null, ratio: null } : r));
    const spec = choroplethSpec(withSecret);
    expectSoundSpec(spec);
    const secret = layersOf(spec).flatMap((l) => l.data.values).find((v) => (v.code ?? (v.properties as { code?: string })?.code) === 'QP031001')!;
    expect(secret.manque ?? (secret.properties as { manque?: string }).manque).toBe(msg.mapSecret);
    const svg = await renderer.svg(spec);
    expect(svg).toContain(msg.mapSecret);
    expect(svg).toContain(msg.mapMissingLegend);
  });

  it('tells QPV and QIC apart: dashed outline and square symbol for a QIC', () => {
    const encodingsOf = (spec: TopLevelSpec) => layersOf(spec).map((l) => l.encoding ?? {}) as Record<string, { scale?: { domain: string[]; range: unknown[] } }>[];
    // Region scale: every quartier is a symbol; a QIC is a square.
    const region = territoryMapSpec({ indicator: POVERTY, year: 2015, quartiers: occitanieQuartiers().map((q) => (q.code === 'QP065003' ? { ...q, status: 'QIC' } : q)), communes: [], ...text });
    expectSoundSpec(region);
    const shape = encodingsOf(region).find((e) => e.shape)!.shape!.scale!;
    expect(shape.range[shape.domain.indexOf('QIC')]).toBe('square');
    expect(shape.range[shape.domain.indexOf('QPV')]).toBe('circle');
    // City scale (Toulouse's quartiers): polygons, a QIC has a dashed outline.
    const inToulouse = occitanieQuartiers().filter((q) => q.perimeter.communeCodes.includes('31555'));
    expect(inToulouse.length).toBeGreaterThan(5);
    const toulouse = inToulouse.map((q, i) => (i === 0 ? { ...q, status: 'QIC' } : q));
    const city = territoryMapSpec({ indicator: POVERTY, year: 2015, quartiers: toulouse, communes: [], ...text });
    expectSoundSpec(city);
    const dash = encodingsOf(city).find((e) => e.strokeDash)!.strokeDash!.scale!;
    expect(dash.range[dash.domain.indexOf('QIC')]).toEqual([5, 3]);
    expect(dash.range[dash.domain.indexOf('QPV')]).toEqual([1, 0]);
    const qic = layersOf(city).flatMap((l) => l.data.values).filter((v) => (v.properties as { statut?: string } | undefined)?.statut === 'QIC');
    expect(qic).toHaveLength(1);
  });

  it('renders the golden SVG, the same twice', async () => {
    const a = await renderer.svg(choroplethSpec());
    expect(await renderer.svg(choroplethSpec())).toBe(a);
    expect(a).toContain(msg.mapIndexLegend);
    expectGolden('maps/occitanie-carte-taux_pauvrete.svg', a);
  });

  it('reads the perimeters from the file named in the map’s subtitle', () => {
    expect(JSON.stringify(tarbesSpec())).toContain(PERIMETERS_FILE);
  });
});

function hex(c: string): [number, number, number] {
  return [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16)) as [number, number, number];
}
function mix(a: number[], b: number[], alpha: number): [number, number, number] {
  return a.map((v, i) => v * alpha + b[i]! * (1 - alpha)) as [number, number, number];
}
function distance(p: number[], c: number[]): number {
  return Math.max(...c.map((v, i) => Math.abs(v - p[i]!)));
}
function boxOf(ring: [number, number][]): [number, number, number, number] {
  const xs = ring.map((p) => p[0]);
  const ys = ring.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
function pointInRing([x, y]: [number, number], ring: [number, number][]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
/** A pixel centre inside the ring with every point within `margin` px also inside. */
function deepInside(ring: [number, number][], margin: number): [number, number] | undefined {
  const [x0, y0, x1, y1] = boxOf(ring);
  for (let y = Math.ceil(y0); y <= y1; y++)
    for (let x = Math.ceil(x0); x <= x1; x++) {
      const probes: [number, number][] = [[x, y], [x - margin, y], [x + margin, y], [x, y - margin], [x, y + margin], [x - margin, y - margin], [x + margin, y + margin], [x - margin, y + margin], [x + margin, y - margin]];
      if (probes.every((p) => pointInRing(p, ring))) return [x, y];
    }
  return undefined;
}

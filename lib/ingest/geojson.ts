// GeoJSON sources → quartier perimeters and commune boundaries. Pure: the
// text comes in, typed shapes or located French errors come out. A file is
// recognised from its features' properties, like the CSV exports from their
// header: a quartier code (code_qp…) makes it a perimeter layer, a commune
// code alone (code_commune, insee_com) a commune layer.

import type { CommuneBoundary, GeoSources, PolygonRings, Position, QuartierPerimeter } from '../model/geo.ts';
import { DataError, DataErrors } from '../errors.ts';
import { msg } from '../messages/index.ts';
import { locateJsonError, locateTooDeep } from './geojson-syntax.ts';

export const QUARTIER_CODE_PROPERTIES = ['code_qp', 'code_quartier', 'code_qpv', 'cod_qp', 'qp_code'];
export const QUARTIER_NAME_PROPERTIES = ['lib_qp', 'nom_qp', 'nom_quartier', 'lib_quartier', 'nom'];
export const COMMUNE_CODE_PROPERTIES = ['insee_com', 'code_commune', 'code_insee', 'insee_commune', 'com_insee'];
export const COMMUNE_NAME_PROPERTIES = ['nom_commune', 'lib_com', 'commune_qp', 'nom_com', 'libelle_commune', 'commune'];
export const EPCI_CODE_PROPERTIES = ['siren_epci', 'code_epci', 'epci_siren'];

/** Files read as GeoJSON. */
export function isGeoFile(path: string): boolean {
  return /\.(geo)?json$/i.test(path);
}

export interface GeoFileResult extends GeoSources {
  kind: 'perimetres' | 'communes';
  features: number;
}

/** Beyond this many problems in one file, the rest are not listed. */
const MAX_ERRORS_PER_FILE = 20;

/** The year of a perimeter from its code: QP… codes are the 2015 list. */
export function perimeterYear(code: string): '2015' | '2024' {
  return /^QP\d/i.test(code) ? '2015' : '2024';
}

export function readGeoJson(file: string, text: string): GeoFileResult {
  let doc: unknown;
  try {
    // Checked first: V8 parses by recursion, and so does every walk over the geometries.
    const deep = locateTooDeep(text);
    if (deep) throw new Error(deep.detail);
    doc = JSON.parse(text);
  } catch (e) {
    const where = locateJsonError(text) ?? { line: 1, column: 1, detail: 'syntaxe JSON invalide' };
    throw new DataError(msg.geoJsonSyntax(file, where.line, where.column, where.detail), { file, line: where.line, column: where.column });
  }
  if (!isObject(doc) || doc.type !== 'FeatureCollection' || !Array.isArray(doc.features)) {
    const found = !isObject(doc) ? (Array.isArray(doc) ? 'une liste' : `« ${String(doc)} »`) : typeof doc.type === 'string' ? `le type « ${doc.type} »` : 'un objet sans « type »';
    throw new DataError(msg.geoNotFeatureCollection(file, found), { file });
  }
  const features = doc.features as unknown[];
  const errors: DataError[] = [];
  const fail = (message: string, property?: string) => {
    if (errors.length < MAX_ERRORS_PER_FILE) errors.push(new DataError(message, { file, column: property }));
    return undefined;
  };

  const propsOf = features.map((f) => (isObject(f) && isObject(f.properties) ? lowerKeys(f.properties) : undefined));
  const hasKey = (keys: string[]) => propsOf.some((p) => p && keys.some((k) => p.has(k)));
  const kind: GeoFileResult['kind'] | undefined = hasKey(QUARTIER_CODE_PROPERTIES) ? 'perimetres' : hasKey(COMMUNE_CODE_PROPERTIES) ? 'communes' : undefined;
  const codeKeys = kind === 'perimetres' ? QUARTIER_CODE_PROPERTIES : COMMUNE_CODE_PROPERTIES;

  const perimeters: QuartierPerimeter[] = [];
  const communes: CommuneBoundary[] = [];
  features.forEach((f, index) => {
    const props = propsOf[index];
    if (!isObject(f) || f.type !== 'Feature' || !props) return fail(msg.geoNotFeature(file, index));
    if (!kind) return fail(msg.geoNoCodeProperty(file, index, [...QUARTIER_CODE_PROPERTIES.slice(0, 3), ...COMMUNE_CODE_PROPERTIES.slice(0, 2)]));
    const codeKey = codeKeys.find((k) => props.has(k));
    if (!codeKey) return fail(msg.geoNoCodeProperty(file, index, codeKeys.slice(0, 3)), codeKeys[0]);
    const code = text1(props.get(codeKey)!.value);
    if (!code) return fail(msg.geoEmptyCode(file, index, props.get(codeKey)!.key), props.get(codeKey)!.key);
    const polygons = readGeometry(f.geometry, file, index, code, fail);
    if (!polygons) return;
    const origins = [{ file, feature: index }];
    if (kind === 'perimetres') {
      perimeters.push({
        code, name: first(props, QUARTIER_NAME_PROPERTIES), year: perimeterYear(code),
        communeCodes: first(props, COMMUNE_CODE_PROPERTIES).split(/[\s,;|]+/).filter(Boolean),
        communeNames: [first(props, COMMUNE_NAME_PROPERTIES)].filter(Boolean),
        epciCode: first(props, EPCI_CODE_PROPERTIES), polygons, origins,
      });
    } else {
      communes.push({ code, name: first(props, COMMUNE_NAME_PROPERTIES), polygons, origins });
    }
    return undefined;
  });
  if (errors.length) throw new DataErrors(errors);
  const merged = mergeGeo([{ perimeters, communes }]);
  return { kind: kind ?? 'perimetres', features: features.length, ...merged };
}

/** Shapes of one code (and, for perimeters, one year) gathered into one, sorted by code. */
export function mergeGeo(parts: GeoSources[]): GeoSources {
  const perimeters = new Map<string, QuartierPerimeter>();
  const communes = new Map<string, CommuneBoundary>();
  for (const part of parts) {
    for (const p of part.perimeters) {
      const key = `${p.year}|${p.code}`;
      const prev = perimeters.get(key);
      if (!prev) perimeters.set(key, { ...p, polygons: [...p.polygons], origins: [...p.origins] });
      else {
        prev.polygons.push(...p.polygons);
        prev.origins.push(...p.origins);
        prev.communeCodes = [...new Set([...prev.communeCodes, ...p.communeCodes])];
        prev.communeNames = [...new Set([...prev.communeNames, ...p.communeNames])];
        prev.name ||= p.name;
        prev.epciCode ||= p.epciCode;
      }
    }
    for (const c of part.communes) {
      const prev = communes.get(c.code);
      if (!prev) communes.set(c.code, { ...c, polygons: [...c.polygons], origins: [...c.origins] });
      else {
        prev.polygons.push(...c.polygons);
        prev.origins.push(...c.origins);
        prev.name ||= c.name;
      }
    }
  }
  const byCode = <T extends { code: string }>(a: T, b: T) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
  return { perimeters: [...perimeters.values()].sort(byCode), communes: [...communes.values()].sort(byCode) };
}

type Fail = (message: string, property?: string) => undefined;

function readGeometry(geometry: unknown, file: string, index: number, code: string, fail: Fail): PolygonRings[] | undefined {
  if (!isObject(geometry)) return fail(msg.geoBadGeometryType(file, index, code, geometry === null ? 'null' : typeof geometry), 'geometry');
  const type = geometry.type;
  if (type !== 'Polygon' && type !== 'MultiPolygon') return fail(msg.geoBadGeometryType(file, index, code, `« ${String(type)} »`), 'geometry');
  const raw = geometry.coordinates;
  if (!Array.isArray(raw) || raw.length === 0) return fail(msg.geoEmptyGeometry(file, index, code), 'geometry');
  const parts: unknown[] = type === 'Polygon' ? [raw] : raw;
  const polygons: PolygonRings[] = [];
  let ok = true;
  parts.forEach((part, k) => {
    const polyLabel = type === 'MultiPolygon' ? ` du polygone ${k + 1}` : '';
    if (!Array.isArray(part) || part.length === 0) {
      ok = false;
      return fail(msg.geoEmptyGeometry(file, index, code), 'geometry');
    }
    const rings: Position[][] = [];
    part.forEach((ring: unknown, r) => {
      const ringLabel = `${r + 1}${polyLabel}`;
      if (!Array.isArray(ring)) {
        ok = false;
        return fail(msg.geoShortRing(file, index, code, ringLabel, 0), 'geometry');
      }
      const positions: Position[] = [];
      for (let p = 0; p < ring.length; p++) {
        const at = `(point ${p + 1} de l’anneau ${r + 1}${polyLabel})`;
        const pos = ring[p] as unknown;
        const lon = Array.isArray(pos) ? pos[0] : undefined;
        const lat = Array.isArray(pos) ? pos[1] : undefined;
        if (typeof lon !== 'number' || typeof lat !== 'number' || !Number.isFinite(lon) || !Number.isFinite(lat)) {
          ok = false;
          return fail(msg.geoBadCoordinate(file, index, code, at, describe(pos)), 'geometry');
        }
        if (Math.abs(lon) > 180 || Math.abs(lat) > 90) {
          ok = false;
          return fail(msg.geoOutOfRange(file, index, code, at, lon, lat), 'geometry');
        }
        positions.push([lon, lat]);
      }
      if (positions.length < 4) {
        ok = false;
        return fail(msg.geoShortRing(file, index, code, ringLabel, positions.length), 'geometry');
      }
      const a = positions[0]!;
      const b = positions[positions.length - 1]!;
      if (a[0] !== b[0] || a[1] !== b[1]) {
        ok = false;
        return fail(msg.geoOpenRing(file, index, code, ringLabel), 'geometry');
      }
      rings.push(positions);
      return undefined;
    });
    polygons.push(rings);
    return undefined;
  });
  return ok ? polygons : undefined;
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (typeof x === 'string' ? `"${x}"` : String(x))).join(', ')}]`;
  if (typeof v === 'string') return `« ${v} »`;
  return `« ${String(v)} »`;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Properties by lower-cased name, keeping the name as written. */
function lowerKeys(props: Record<string, unknown>): Map<string, { key: string; value: unknown }> {
  const m = new Map<string, { key: string; value: unknown }>();
  for (const [key, value] of Object.entries(props)) if (!m.has(key.toLowerCase())) m.set(key.toLowerCase(), { key, value });
  return m;
}

function text1(v: unknown): string {
  return typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '';
}

function first(props: Map<string, { key: string; value: unknown }>, keys: string[]): string {
  for (const k of keys) {
    const v = text1(props.get(k)?.value);
    if (v) return v;
  }
  return '';
}

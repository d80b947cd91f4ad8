import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { isGeoFile, perimeterYear, readGeoJson } from '../../lib/ingest/geojson.ts';
import { DataError, DataErrors } from '../../lib/errors.ts';
import { msg } from '../../lib/messages/index.ts';
import { GEO_FIXTURES, PERIMETERS_FILE, COMMUNES_FILE } from '../render/maps/occitanie.ts';
import { readSources } from '../../lib/ingest/read-sources.ts';
import { referenceFiles, textFile } from './source-files.ts';

const square = (x = 2.5, y = 50.5) => [[[x, y], [x + 0.01, y], [x + 0.01, y + 0.01], [x, y + 0.01], [x, y]]];
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });
const feature = (properties: Record<string, unknown>, coordinates: unknown = square(), type = 'Polygon') => ({ type: 'Feature', properties, geometry: { type, coordinates } });

function errorsOf(text: string, file = 'cartes/p.geojson'): DataError[] {
  try {
    readGeoJson(file, text);
  } catch (e) {
    if (e instanceof DataErrors) return e.errors;
    if (e instanceof DataError) return [e];
    throw e;
  }
  throw new Error('no error');
}

describe('GeoJSON perimeters', () => {
  it('reads the 105 Occitanie perimeters as 2015 perimeters and the 48 communes as context', () => {
    const p = readGeoJson(PERIMETERS_FILE, readFileSync(GEO_FIXTURES + PERIMETERS_FILE, 'utf8'));
    expect(p.kind).toBe('perimetres');
    expect(p.perimeters).toHaveLength(105);
    expect(new Set(p.perimeters.map((x) => x.year))).toEqual(new Set(['2015']));
    const tarbes = p.perimeters.find((x) => x.code === 'QP065003')!;
    expect(tarbes).toMatchObject({ name: 'Tarbes Est', communeCodes: ['65440'] });
    expect(tarbes.origins[0]!.file).toBe(PERIMETERS_FILE);
    const c = readGeoJson(COMMUNES_FILE, readFileSync(GEO_FIXTURES + COMMUNES_FILE, 'utf8'));
    expect(c.kind).toBe('communes');
    expect(c.communes).toHaveLength(48);
    expect(c.perimeters).toHaveLength(0);
    expect(c.communes.find((x) => x.code === '65440')?.name).toBe('Tarbes');
  });

  it('tells 2015 and 2024 perimeters apart by their codes and merges the features of one code', () => {
    expect(perimeterYear('QP062005')).toBe('2015');
    expect(perimeterYear('QN06205M')).toBe('2024');
    expect(perimeterYear('QIC-62555-01')).toBe('2024');
    const r = readGeoJson('p.json', fc(
      feature({ CODE_QP: 'QN06205M', lib_qp: 'Cités', insee_com: '62555|62048', siren_epci: '200072460' }),
      feature({ CODE_QP: 'QN06205M' }, [square(2.6)], 'MultiPolygon'),
    ));
    expect(r.perimeters).toHaveLength(1);
    expect(r.perimeters[0]).toMatchObject({ code: 'QN06205M', year: '2024', name: 'Cités', communeCodes: ['62555', '62048'], epciCode: '200072460' });
    expect(r.perimeters[0]!.polygons).toHaveLength(2);
    expect(isGeoFile('a/b.GeoJSON')).toBe(true);
    expect(isGeoFile('a/b.csv')).toBe(false);
  });

  it('locates invalid JSON by line and column', () => {
    const text = '{"type": "FeatureCollection",\n "features": [\n  {"type": "Feature", "properties": {"code_qp": "QP1"}, "geometry": {"type": "Polygon", "coordinates": [[[2.5, NaN]]]}}\n ]}';
    const column = text.split('\n')[2]!.indexOf('NaN') + 1;
    const [e] = errorsOf(text);
    expect(e!.message).toBe(msg.geoJsonSyntax('cartes/p.geojson', 3, column, '« NaN » n’est pas un nombre JSON'));
    expect(e!.place).toMatchObject({ file: 'cartes/p.geojson', line: 3, column });
    const [e2] = errorsOf('{"type": "FeatureCollection",\n "features": [ , ]}');
    expect(e2!.message).toBe(msg.geoJsonSyntax('cartes/p.geojson', 2, 16, 'une valeur attendu, lu « , »'));
    const [e3] = errorsOf('{"type": "FeatureCollection", "features": [');
    expect(e3!.message).toContain('cartes/p.geojson:1, colonne 44');
  });

  it('refuses what is not a FeatureCollection', () => {
    expect(errorsOf(JSON.stringify(feature({ code_qp: 'QP1' })))[0]!.message).toBe(msg.geoNotFeatureCollection('cartes/p.geojson', 'le type « Feature »'));
    expect(errorsOf('[1, 2]')[0]!.message).toBe(msg.geoNotFeatureCollection('cartes/p.geojson', 'une liste'));
  });

  it('names the feature without a code property, and the one with an empty code', () => {
    expect(errorsOf(fc(feature({ nom: 'x' })))[0]!.message).toBe(
      msg.geoNoCodeProperty('cartes/p.geojson', 0, ['code_qp', 'code_quartier', 'code_qpv', 'insee_com', 'code_commune']),
    );
    const errs = errorsOf(fc(feature({ code_qp: 'QP1' }), feature({ nom_qp: 'sans code' }), feature({ code_qp: ' ' })));
    expect(errs.map((e) => e.message)).toEqual([
      msg.geoNoCodeProperty('cartes/p.geojson', 1, ['code_qp', 'code_quartier', 'code_qpv']),
      msg.geoEmptyCode('cartes/p.geojson', 2, 'code_qp'),
    ]);
    expect(errs[0]!.message).toContain('entité n° 2');
  });

  it('refuses non-finite, missing or projected coordinates, open and short rings, each with its feature and place', () => {
    const ring = square()[0]!;
    const errs = errorsOf(
      // 1e999 parses as Infinity; null is what many tools write for NaN.
      '{"type":"FeatureCollection","features":[' +
        [
          JSON.stringify(feature({ code_qp: 'QP1' })),
          '{"type":"Feature","properties":{"code_qp":"QP2"},"geometry":{"type":"Polygon","coordinates":[[[2.5,50.5],[2.6,1e999],[2.6,50.6],[2.5,50.5]]]}}',
          JSON.stringify(feature({ code_qp: 'QP3' }, [[[2.5, 50.5], [null, 50.5], [2.6, 50.6], [2.5, 50.5]]])),
          JSON.stringify(feature({ code_qp: 'QP4' }, [ring.slice(0, 4)])),
          JSON.stringify(feature({ code_qp: 'QP5' }, [[ring[0], ring[1], ring[0]]])),
          JSON.stringify(feature({ code_qp: 'QP6' }, [[[650000, 6860000], [650100, 6860000], [650100, 6860100], [650000, 6860000]]])),
          JSON.stringify(feature({ code_qp: 'QP7' }, [square()[0], [[2.5, 50.5], [2.51, 50.5], [2.5, 50.51], [2.5, 50.52]]], 'Polygon')),
          JSON.stringify({ type: 'Feature', properties: { code_qp: 'QP8' }, geometry: { type: 'Point', coordinates: [2.5, 50.5] } }),
        ].join(',') +
        ']}',
    );
    const f = 'cartes/p.geojson';
    expect(errs.map((e) => e.message)).toEqual([
      msg.geoBadCoordinate(f, 1, 'QP2', '(point 2 de l’anneau 1)', '[2.6, Infinity]'),
      msg.geoBadCoordinate(f, 2, 'QP3', '(point 2 de l’anneau 1)', '[null, 50.5]'),
      msg.geoOpenRing(f, 3, 'QP4', '1'),
      msg.geoShortRing(f, 4, 'QP5', '1', 3),
      msg.geoOutOfRange(f, 5, 'QP6', '(point 1 de l’anneau 1)', 650000, 6860000),
      msg.geoOpenRing(f, 6, 'QP7', '2'),
      msg.geoBadGeometryType(f, 7, 'QP8', '« Point »'),
    ]);
    expect(errs[0]!.message).toContain('entité n° 2 (QP2), propriété « geometry »');
    expect(errs.every((e) => e.place.file === f && e.place.column === 'geometry')).toBe(true);
  });
});

describe('GeoJSON perimeters against the registry', () => {
  const values = textFile('insee/pauvrete_2021.csv', 'code_quartier;taux_pauvrete\nQN06205M;40,2\n');
  const warningsWith = (...codes: string[]) =>
    readSources([...referenceFiles(), values, textFile('cartes/perimetres.geojson', fc(...codes.map((c) => feature({ code_qp: c }))))]).warnings;

  it('warns when no perimeter matches a quartier of the registry: no map would be drawn', () => {
    const w = warningsWith('QP031001', 'QP031002');
    expect(w.filter((x) => x.code === 'perimetres-hors-referentiel').map((x) => x.message)).toEqual([
      msg.perimetersMatchNoQuartier(['cartes/perimetres.geojson'], 2, ['QP031001', 'QP031002']),
    ]);
    expect(w.find((x) => x.code === 'perimetres-hors-referentiel')!.message).toContain('aucune carte de quartier ne sera dessinée');
  });

  it('says nothing when one perimeter matches (a national file in a commune’s sources is normal)', () => {
    // QP062005 is the 2015 code of QN06205M in the bundled registry.
    const w = warningsWith('QP031001', 'QP062005');
    expect(w.map((x) => x.code)).not.toContain('perimetres-hors-referentiel');
  });
});

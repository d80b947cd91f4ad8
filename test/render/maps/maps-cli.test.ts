// The maps through the real command line: a perimeter dropped in sources/
// gives the quartier's map and the portrait points to it; bad GeoJSON stops
// the run with located messages and publishes nothing.

import { afterAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../../helpers/cli.ts';
import { BUNDLED_SOURCES, squash } from '../../helpers/bundled.ts';
import { GEO_FIXTURES } from './occitanie.ts';
import { msg } from '../../../lib/messages/index.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'quartiers-maps-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function sourcesWith(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  cpSync(BUNDLED_SOURCES, dir, { recursive: true });
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

describe('maps end to end', () => {
  it('draws the map of the quartier whose perimeter is given, and the portraits say where it is or that none was given', async () => {
    const perimeter = readFileSync(GEO_FIXTURES + 'perimetre_synthetique_QP062005.geojson', 'utf8');
    const sources = sourcesWith('ok', { 'cartes/perimetre.geojson': perimeter });
    const out = path.join(tmp, 'out-ok');
    const r = await runCli(['run', '--sources', sources, '--out', out, '--formats', 'md,svg', '--quiet']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const spec = JSON.parse(readFileSync(path.join(out, 'graphiques/QN06205M/carte.vl.json'), 'utf8'));
    expect(spec.projection.type).toBe('conicConformal');
    expect(readFileSync(path.join(out, 'graphiques/QN06205M/carte.svg'), 'utf8')).toMatch(/^<svg/);
    expect(existsSync(path.join(out, 'graphiques/QN06205M/carte.png'))).toBe(false);
    // The QIC has charts but no perimeter, hence no map.
    expect(existsSync(path.join(out, 'graphiques/QIC-62555-01/carte.vl.json'))).toBe(false);
    expect(existsSync(path.join(out, 'graphiques/QIC-62555-01/carte.svg'))).toBe(false);
    const portrait = readFileSync(path.join(out, 'portraits/QN06205M.md'), 'utf8');
    expect(squash(portrait)).toContain(squash(msg.mapNoteWithPerimeter('graphiques/QN06205M/carte.svg', '2015', ['cartes/perimetre.geojson'])));
    // Under the convention's heading « (périmètre 2024-2030) », a 2015 contour is said to be the old one.
    expect(squash(portrait)).toContain("Il s'agit de l'ancien périmètre");
    expect(msg.mapNoteWithPerimeter('carte.svg', '2024', ['p.geojson'])).not.toContain('ancien périmètre');
    expect(readFileSync(path.join(out, 'portraits/QIC-62555-01.md'), 'utf8')).toContain('Périmètre non fourni');
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.entrees.map((e: { fichier: string }) => e.fichier)).toContain('cartes/perimetre.geojson');
  });

  it('stops on bad GeoJSON with every located message, and publishes nothing', async () => {
    const sources = sourcesWith('bad', {
      'cartes/a_json_invalide.geojson': '{"type": "FeatureCollection",\n "features": [NaN]}',
      'cartes/b_pas_une_collection.json': JSON.stringify({ type: 'Feature', properties: {}, geometry: null }),
      'cartes/c_sans_code.geojson': JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { nom: 'x' }, geometry: null }] }),
      'cartes/d_anneau_ouvert.geojson': JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code_qp: 'QP062005' }, geometry: { type: 'Polygon', coordinates: [[[2.5, 50.5], [2.6, 50.5], [2.6, 50.6], [2.5, 50.6]]] } },
        ],
      }),
      'cartes/e_coordonnee_infinie.geojson':
        '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code_qp":"QP062005"},"geometry":{"type":"MultiPolygon","coordinates":[[[[2.5,50.5],[2.6,1e999],[2.6,50.6],[2.5,50.5]]]]}}]}',
      'cartes/f_anneau_court.geojson': JSON.stringify({
        type: 'FeatureCollection',
        features: [
          { type: 'Feature', properties: { code_qp: 'QP062005' }, geometry: { type: 'Polygon', coordinates: [[[2.5, 50.5], [2.6, 50.5], [2.5, 50.5]]] } },
        ],
      }),
    });
    const out = path.join(tmp, 'out-bad');
    const r = await runCli(['run', '--sources', sources, '--out', out]);
    expect(r.code).toBe(1);
    const err = squash(r.stderr);
    expect(err).toContain(squash(msg.geoJsonSyntax('cartes/a_json_invalide.geojson', 2, 15, '« NaN » n’est pas un nombre JSON')));
    expect(err).toContain(squash(msg.geoNotFeatureCollection('cartes/b_pas_une_collection.json', 'le type « Feature »')));
    expect(err).toContain(squash(msg.geoNoCodeProperty('cartes/c_sans_code.geojson', 0, ['code_qp', 'code_quartier', 'code_qpv', 'insee_com', 'code_commune'])));
    expect(err).toContain(squash(msg.geoOpenRing('cartes/d_anneau_ouvert.geojson', 0, 'QP062005', '1')));
    expect(err).toContain(squash(msg.geoBadCoordinate('cartes/e_coordonnee_infinie.geojson', 0, 'QP062005', '(point 2 de l’anneau 1 du polygone 1)', '[2.6, Infinity]')));
    expect(err).toContain(squash(msg.geoShortRing('cartes/f_anneau_court.geojson', 0, 'QP062005', '1', 3)));
    expect(existsSync(out)).toBe(false);
  });
});

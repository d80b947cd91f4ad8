// The tidy table of the bundled sources, checked against the figures the
// source files carry, cell by cell.

import { beforeAll, describe, expect, it } from 'vitest';
import type { TidyRow } from '../../lib/model/tidy-row.ts';
import { tidyCsv, tidyCsvChunks } from '../../lib/render/table/tidy-csv.ts';
import { parse } from 'csv-parse/sync';
import { loadBundled } from '../helpers/bundled.ts';

let rows: TidyRow[];
const find = (q: string, ind: string, year: number) => rows.find((r) => r.quartier_code === q && r.indicateur === ind && r.annee === year);

beforeAll(async () => {
  ({ rows } = await loadBundled());
});

describe('tidy table of the bundled sources', () => {
  it.each([
    ['QN06205M', 'population', 2022, 2700, '~', 'environ 2 700', null],
    ['QN06205M', 'population', 2015, 2200, '~', 'environ 2 200', null],
    ['QN06205M', 'surface', 2022, 52, '=', '52', null],
    ['QN06205M', 'taux_pauvrete', 2022, 40.2, '=', '40,2', 18.8],
    ['QN06205M', 'part_moins_25_ans', 2022, 33, '=', '33', 31],
    ['QN06205M', 'ips', 2022, 79.9, '=', '79,9', 104],
    ['QN06205M', 'taux_emploi_15_64', 2022, 40.4, '=', '40,4', 58.8],
    ['QN06205M', 'part_16_25_neet', 2022, 43.4, '=', '43,4', 23.5],
    ['QN06205M', 'part_parc_social', 2022, 84.2, '=', '84,2', 25.6],
    ['QIC-62555-01', 'population', 2024, 990, '~', 'environ 990', null],
    ['QIC-62555-01', 'taux_pauvrete', 2024, 30, '>', '+ de 30%', 18.8],
    ['QIC-62555-01', 'part_familles_monoparentales', 2024, 12, '=', '12%', 16.2],
    ['QIC-62555-01', 'ips', 2024, 83, '=', '83', 104],
    ['QIC-62555-01', 'part_parc_social', 2024, 86, '=', '86%', 25.6],
  ])('%s %s %i = %d (%s), reference %s', (q, ind, year, value, bound, text, ref) => {
    const r = find(q, ind, year)!;
    expect(r).toBeDefined();
    expect(r.valeur).toBe(value);
    expect(r.borne).toBe(bound);
    expect(r.valeur_source).toBe(text);
    expect(r.valeur_reference).toBe(ref);
  });

  it('keeps provenance: file, line, column, perimeter, source', () => {
    const r = find('QN06205M', 'taux_pauvrete', 2022)!;
    expect(r).toMatchObject({
      fichier: 'sigville/sigville_2022_cabbalr.csv', ligne: 7, colonne: 'Taux de pauvreté (%)', perimetre: '2015',
      quartier_code_2015: 'QP062005', source: 'SIG Ville 2022', statut: 'QPV',
    });
    const q = find('QIC-62555-01', 'taux_pauvrete', 2024)!;
    expect(q).toMatchObject({ fichier: 'prefecture/prefecture_pas-de-calais_qic_2024.csv', ligne: 7, perimetre: '2024', statut: 'QIC' });
  });

  it('computes gap, ratio and index against the agglomeration', () => {
    const r = find('QN06205M', 'taux_pauvrete', 2022)!;
    expect(r.ecart_points).toBe(21.4);
    expect(r.ratio).toBeCloseTo(2.138, 3);
    expect(r.indice).toBeCloseTo(213.83, 2);
    expect(r.sens).toBe('defavorable');
    expect(find('QN06205M', 'taux_emploi_15_64', 2022)!.sens).toBe('defavorable');
    expect(find('QN06205M', 'part_parc_social', 2022)!.sens).toBe('neutre');
    expect(find('QIC-62555-01', 'part_familles_monoparentales', 2024)!.sens).toBe('favorable');
  });

  it('keeps a bound a bound through the gap: « plus de 11,2 points »', () => {
    const r = find('QIC-62555-01', 'taux_pauvrete', 2024)!;
    expect(r.ecart_points).toBe(11.2);
    expect(r.borne_ecart).toBe('>');
    expect(r.borne_ratio).toBe('>');
    expect(r.sens).toBe('defavorable');
  });

  it('carries the real Filosofi series of QP062005 under its 2024 code', () => {
    const series = rows.filter((r) => r.quartier_code === 'QN06205M' && r.indicateur === 'taux_pauvrete' && r.source.startsWith('INSEE'));
    expect(series.map((r) => [r.annee, r.valeur])).toEqual([
      [2012, 42.9], [2013, 39.3], [2014, 39.5], [2015, 40.4], [2016, 41.4], [2017, 42.4], [2018, 40.8], [2019, 40.2], [2020, 36.2], [2021, 43],
    ]);
  });

  it('gives the same text in pieces of any size, each ending a line', () => {
    const whole = tidyCsv(rows);
    for (const size of [1, 7, 2000]) {
      const pieces = [...tidyCsvChunks(rows, undefined, size)];
      expect(pieces.join('')).toBe(whole);
      for (const p of pieces) expect(p.endsWith('\r\n')).toBe(true);
    }
    expect([...tidyCsvChunks(rows, undefined, 7)]).toHaveLength(Math.ceil((rows.length + 1) / 7));
  });

  it('writes an RFC 4180 CSV that reads back to the same rows', () => {
    const text = tidyCsv(rows);
    const back = parse(text, { columns: true }) as Record<string, string>[];
    expect(back).toHaveLength(rows.length);
    const i = rows.findIndex((r) => r.indicateur === 'taux_pauvrete' && r.quartier_code === 'QIC-62555-01');
    // « + de 30% » would open as a formula: defused with an apostrophe (the borne « > » is the tool's own).
    expect(back[i]).toMatchObject({ valeur: '30', borne: '>', valeur_source: "'+ de 30%", valeur_reference: '18.8', ecart_points: '11.2', sens: 'defavorable' });
    expect(Object.keys(back[0]!).slice(0, 17)).toEqual([
      'quartier_code', 'quartier_code_2015', 'quartier', 'statut', 'indicateur', 'annee', 'valeur', 'borne', 'valeur_source', 'perimetre',
      'source', 'reference', 'valeur_reference', 'ecart_points', 'ratio', 'indice', 'sens',
    ]);
  });
});

// The whole real folder (../shared/data/real), dropped as it is into a
// subfolder of sources/ beside the bundled registry and catalogue: every
// file recognised, `quartiers run` publishes, QP062005's 2019 taux de
// pauvreté is 40.2 from the real Filosofi panel.

import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectSources } from '../../lib/ingest/read-sources.ts';
import { scanSourcesDir } from '../../pipeline/read-sources-dir.ts';
import { BUNDLED_SOURCES } from '../helpers/bundled.ts';
import { runCli } from '../helpers/cli.ts';
import { realDataDir } from './real-data.ts';

const real = realDataDir();
const RENAMED: Record<string, string> = { 'rpls_qpv.csv': 'rpls_qpv_2022.csv', 'occitanie_qp_indicateurs.csv': 'occitanie_qp_indicateurs_2015.csv' };

function sourcesWithReal(dir: string): string {
  const sources = path.join(dir, 'sources');
  mkdirSync(path.join(sources, 'reel'), { recursive: true });
  cpSync(path.join(BUNDLED_SOURCES, 'referentiel'), path.join(sources, 'referentiel'), { recursive: true });
  for (const name of readdirSync(real!)) cpSync(path.join(real!, name), path.join(sources, 'reel', RENAMED[name] ?? name));
  return sources;
}

describe.skipIf(!real)(`the real folder${real ? '' : ' (skipped: ../shared/data/real absent)'}`, () => {
  it('is recognised file by file and read without error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quartiers-reel-'));
    const scan = await scanSourcesDir(sourcesWithReal(dir));
    expect(scan.errors).toEqual([]);
    const c = collectSources(scan.files);
    expect(c.errors.map((e) => e.message)).toEqual([]);
    const kinds = Object.fromEntries(c.sources.files.map((f) => [f.file.replace('reel/', ''), f.kind]));
    expect(kinds).toEqual({
      'correspondance_qp2024_qp2015.csv': 'correspondance',
      'filosofi_qpv_2012_2021.csv': 'panel',
      'ips_colleges_lille_2022.csv': 'ips',
      'ips_ecoles_2021.csv': 'ips',
      'occitanie_communes_qpv.geojson': 'communes',
      'occitanie_qp_dictionnaire.csv': 'dictionnaire',
      'occitanie_qp_indicateurs_2015.csv': 'export',
      'occitanie_qp_perimetres_2015.geojson': 'perimetres',
      'population_qpv_2013_2018.csv': 'export',
      'qpv_2015_noms_communes.csv': 'liste-quartiers',
      'qpv_2024_communes_epci.csv': 'liste-quartiers',
      'rpls_qpv_2022.csv': 'export',
      'referentiel/correspondance_qp2024_qp2015.csv': 'correspondance',
      'referentiel/indicateurs.csv': 'catalogue',
      'referentiel/quartiers.csv': 'referentiel',
    });
    expect(c.sources.schools).toHaveLength(32091 + 439);
    const tp = c.sources.figures.find((f) => f.territory === 'QP062005' && f.indicator === 'taux_pauvrete' && f.year === 2019)!;
    expect(tp).toMatchObject({ value: 40.2, at: { file: 'reel/filosofi_qpv_2012_2021.csv' } });
  });

  it('is published by quartiers run --tous-les-quartiers, quartiers absent from the registry included', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quartiers-reel-'));
    const sources = sourcesWithReal(dir);
    const out = path.join(dir, 'reports');
    const r = await runCli(['run', '--sources', sources, '--out', out, '--formats', 'csv', '--tous-les-quartiers'], { timeoutMs: 120_000 });
    expect(r.stderr).toMatch(/^Terminé : /m);
    expect(r.code).toBe(0);
    const lines = readFileSync(path.join(out, 'indicateurs.csv'), 'utf8').split('\r\n');
    const row = lines.find((l) => l.startsWith('QN06205M,QP062005,') && l.includes(',taux_pauvrete,2019,'));
    expect(row).toContain(',40.2,=,40.2,2015,INSEE Filosofi 2019,');
    // A 2015 quartier outside the registry, mapped one to one: 2024 code, 2015 code, perimeter 2015.
    expect(lines.some((l) => l.startsWith('QN00101M,QP001001,') && l.includes(',taux_pauvrete,2019,'))).toBe(true);
  });
});

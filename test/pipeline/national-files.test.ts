// The analyst's everyday path: the national open-data files (Filosofi panel,
// population, RPLS) dropped beside the bundled sources. The registry decides
// what is published; the other quartiers are context only.

import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_SOURCES } from '../helpers/bundled.ts';
import { runCli } from '../helpers/cli.ts';
import { realDataDir } from '../ingest/real-data.ts';
import { msg } from '../../lib/messages/index.ts';
import { parseCsvTable } from '../../lib/ingest/csv-table.ts';

const real = realDataDir();
const NATIONAL = ['filosofi_qpv_2012_2021.csv', 'population_qpv_2013_2018.csv', 'rpls_qpv.csv'];

/** The bundled sources with the national files dropped in, as the analyst would. */
export function sourcesWithNational(root: string): string {
  const sources = path.join(root, 'sources');
  cpSync(BUNDLED_SOURCES, sources, { recursive: true });
  for (const name of NATIONAL) cpSync(path.join(real!, name), path.join(sources, name));
  writeFileSync(path.join(sources, 'rpls_qpv.annee'), '2022\n');
  return sources;
}

function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`]));
}

function tidyColumn(out: string, column: string): string[] {
  const table = parseCsvTable(readFileSync(path.join(out, 'indicateurs.csv'), 'utf8'), 'indicateurs.csv');
  const k = table.header.indexOf(column);
  return table.rows.map((r) => r[k]!);
}

/** Codes of the panel (the first column, one row per quartier × year). */
function panelCodes(): Set<string> {
  const lines = readFileSync(path.join(real!, 'filosofi_qpv_2012_2021.csv'), 'utf8').trim().split('\n').slice(1);
  return new Set(lines.map((l) => l.split(',')[0]!));
}

describe.skipIf(!real)(`national files beside the bundled sources${real ? '' : ' (skipped: ../shared/data/real absent)'}`, () => {
  it('publishes the 2 quartiers of the registry and no other, in any output', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'quartiers-national-'));
    const out = path.join(root, 'reports');
    const r = await runCli(['run', '--sources', sourcesWithNational(root), '--out', out], { timeoutMs: 180_000, env: { SOURCE_DATE_EPOCH: '1767225600' } });
    expect(r.stderr).toMatch(/^Terminé : /m);
    expect(r.code).toBe(0);
    expect(new Set(tidyColumn(out, 'quartier_code'))).toEqual(new Set(['QN06205M', 'QIC-62555-01']));
    const files = walk(out);
    // No file is named after another quartier (portraits, charts, pages): only the two codes appear in paths.
    const codesInPaths = new Set(files.flatMap((f) => f.match(/Q[NP]\d{5}[A-Z0-9]|QIC-[\d-]+/g) ?? []));
    expect(codesInPaths).toEqual(new Set(['QN06205M', 'QIC-62555-01']));
    expect(files.filter((f) => f.startsWith('classeurs/'))).not.toContainEqual(expect.stringContaining('hors'));
    expect(r.stderr).toContain(msg.scopeRegistry(2, 2, panelOrPopulationCodes() - 1));
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(20);
    expect(readFileSync(path.join(out, 'journal.txt'), 'utf8')).toContain(msg.scopeRegistry(2, 2, panelOrPopulationCodes() - 1));

    // QP062005's 2019 poverty rate against the panel, computed here from the real file.
    const [header, ...lines] = readFileSync(path.join(real!, 'filosofi_qpv_2012_2021.csv'), 'utf8').trim().split('\n');
    const col = header!.split(',');
    const values = lines.map((l) => l.split(',')).filter((c) => Number(c[col.indexOf('annee')]) === 2019 && c[col.indexOf('taux_pauvrete')] !== '').map((c) => Number(c[col.indexOf('taux_pauvrete')]));
    const own = Number(lines.map((l) => l.split(',')).find((c) => c[0] === 'QP062005' && Number(c[col.indexOf('annee')]) === 2019)![col.indexOf('taux_pauvrete')]);
    const sorted = [...values].sort((a, b) => a - b);
    const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
    const expected = { rang_national: String(1 + values.filter((v) => v > own).length), rang_national_sur: String(values.length), mediane_qpv: String(median) };
    const tidy = ['quartier_code', 'indicateur', 'annee', 'rang_national', 'rang_national_sur', 'mediane_qpv', 'ecart_mediane_qpv'].map((c) => tidyColumn(out, c));
    const k = tidy[0]!.findIndex((code, i) => code === 'QN06205M' && tidy[1]![i] === 'taux_pauvrete' && tidy[2]![i] === '2019');
    expect({ rang_national: tidy[3]![k], rang_national_sur: tidy[4]![k], mediane_qpv: tidy[5]![k] }).toEqual(expected);
    // The figures the issue gives for this quartier (docs/methode.md quotes them).
    expect([own, expected.rang_national, expected.rang_national_sur, median]).toEqual([40.2, '782', '1292', 42.4]);
    expect(tidy[6]![k]).toBe('-2.2');
    expect(readFileSync(path.join(out, 'portraits/QN06205M.md'), 'utf8')).toContain(msg.nationalContextTitle);
    const page = readFileSync(path.join(out, 'quartiers/QN06205M.html'), 'utf8');
    expect(page).toContain(msg.html.columnNationalRank);
    expect(page).toContain(`${expected.rang_national}e sur ${expected.rang_national_sur}`);
  });

  it('publishes every quartier of the panel with --tous-les-quartiers', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'quartiers-national-'));
    const out = path.join(root, 'reports');
    const r = await runCli(['run', '--sources', sourcesWithNational(root), '--out', out, '--formats', 'csv', '--tous-les-quartiers'], { timeoutMs: 180_000 });
    expect(r.code).toBe(0);
    expect(r.stderr.trim().split('\n').length).toBeLessThanOrEqual(20);
    const published = new Set([...tidyColumn(out, 'quartier_code'), ...tidyColumn(out, 'quartier_code_2015')]);
    const missing = [...panelCodes()].filter((c) => !published.has(c));
    expect(missing).toEqual([]);
  });
});

/** Quartiers of the national files: the panel's and the population file's codes together. */
function panelOrPopulationCodes(): number {
  const pop = readFileSync(path.join(real!, 'population_qpv_2013_2018.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
  const rpls = readFileSync(path.join(real!, 'rpls_qpv.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]!);
  return new Set([...panelCodes(), ...pop, ...rpls]).size;
}

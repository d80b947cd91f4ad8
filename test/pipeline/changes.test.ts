// « Ce qui a changé » : two publications in a row over sources that differ by
// a new year, a revised past figure and a removed quartier. The comparison
// lists exactly those, in changements.csv, in each workbook and in the HTML.

import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { runCli } from '../helpers/cli.ts';
import { copySources, tempRoot } from './fixture-runs.ts';

const LIMIT = { timeoutMs: 90_000, env: { SOURCE_DATE_EPOCH: '1767225600' } };
const FILOSOFI = 'insee/filosofi_qpv_QP062005_2012_2021.csv';
const QIC = 'QIC-62555-01';

function edit(dir: string, file: string, change: (text: string) => string): void {
  const p = path.join(dir, file);
  const text = readFileSync(p, 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`${file}: the fixture's edit no longer applies`);
  writeFileSync(p, changed);
}

/** Last year's sources: the bundled ones without Filosofi 2021. */
function lastYear(root: string): string {
  const dir = copySources(root, 'avant');
  edit(dir, FILOSOFI, (t) => t.replace(/^QP062005,.*,2021\n/m, ''));
  return dir;
}

/** This year's: Filosofi 2021 added, 2015 poverty revised from 40,4 to 40,9 %, the QIC gone. */
function thisYear(root: string): string {
  const dir = copySources(root, 'apres');
  edit(dir, FILOSOFI, (t) => t.replace('QP062005,13319.0,40.4,', 'QP062005,13319.0,40.9,'));
  for (const f of ['referentiel/quartiers.csv', 'convention/cibles_2030.csv', 'convention/portraits_qualitatifs.csv', 'convention/enjeux_objectifs.csv', 'ecoles/ecoles_quartiers.csv']) {
    const p = path.join(dir, f);
    writeFileSync(p, readFileSync(p, 'utf8').split('\n').filter((l) => !l.includes(QIC)).join('\n'));
  }
  rmSync(path.join(dir, 'prefecture'), { recursive: true });
  return dir;
}

const EXPECTED = [
  ['quartier_sorti', QIC, '', '', ''],
  ['nouvelle_annee', 'QN06205M', 'taux_pauvrete', '', '2021'],
  ['nouvelle_annee', 'QN06205M', 'revenu_median', '', '2021'],
  ['nouvelle_annee', 'QN06205M', 'indice_gini', '', '2021'],
  ['nouvelle_annee', 'QN06205M', 'rapport_s80s20', '', '2021'],
  ['chiffre_revise', 'QN06205M', 'taux_pauvrete', '2015', '2015'],
];

async function publishTwice(root: string): Promise<string> {
  const out = path.join(root, 'reports');
  const formats = ['--formats', 'csv,xlsx,html'];
  const first = await runCli(['run', '--sources', lastYear(root), '--out', out, ...formats], LIMIT);
  expect(first.code, first.stderr).toBe(0);
  const second = await runCli(['run', '--sources', thisYear(root), '--out', out, ...formats], LIMIT);
  expect(second.code, second.stderr).toBe(0);
  return out;
}

describe('what changed since the previous publication', () => {
  it('is listed exactly, in the CSV, every workbook and the HTML, and the same bytes from the same previous publication', async () => {
    const out = await publishTwice(tempRoot());
    const csvText = readFileSync(path.join(out, 'changements.csv'), 'utf8');
    const rows = parse(csvText, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.type, r.quartier_code, r.indicateur, r.annee_avant, r.annee_apres])).toEqual(EXPECTED);
    const revised = rows.find((r) => r.type === 'chiffre_revise')!;
    expect([revised.valeur_avant, revised.valeur_apres]).toEqual(['40.4', '40.9']);

    // Each workbook: a « Ce qui a changé » sheet with the same changes (the QIC left the same agglomeration).
    for (const file of readdirSync(path.join(out, 'classeurs'))) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path.join(out, 'classeurs', file));
      const ws = wb.getWorksheet('Ce qui a changé');
      expect(ws, file).toBeDefined();
      const lines: string[] = [];
      ws!.eachRow((row) => lines.push((row.values as unknown[]).slice(1).map((v) => (v === undefined || v === null ? '' : String(v))).join('|')));
      const header = lines.findIndex((l) => l.startsWith('Quartier|Code|Nature'));
      expect(lines.slice(header + 1).map((l) => l.split('|').slice(1, 3).concat(l.split('|')[5] ?? '', l.split('|')[7] ?? ''))).toEqual([
        [QIC, 'Quartiers sortis du rapport', '', ''],
        ['QN06205M', 'Nouvelles années', '', '2021'],
        ['QN06205M', 'Nouvelles années', '', '2021'],
        ['QN06205M', 'Nouvelles années', '', '2021'],
        ['QN06205M', 'Nouvelles années', '', '2021'],
        ['QN06205M', 'Chiffres révisés', '2015', '2015'],
      ]);
      expect(lines.some((l) => l.includes('40,4 %|2015|40,9 %'))).toBe(true);
    }

    // The HTML: counts and detail on the index, the quartier's own on its page.
    const index = readFileSync(path.join(out, 'index.html'), 'utf8');
    const section = index.slice(index.indexOf('<section class="changements"'), index.indexOf('</section>', index.indexOf('<section class="changements"')));
    expect([...section.matchAll(/<tr data-type="(\w+)"><th scope="row">[^<]*<\/th><td class="nombre">(\d+)<\/td>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['quartier_sorti', '1'], ['nouvelle_annee', '4'], ['chiffre_revise', '1'],
    ]);
    expect([...section.matchAll(/<tr data-type="(\w+)"><th scope="row">[^<]*\((\S+)\)<\/th>/g)].map((m) => [m[1], m[2]])).toEqual(EXPECTED.map((e) => [e[0], e[1]]));
    expect(section).toContain('2015 : 40,4 % → 40,9 %');
    const page = readFileSync(path.join(out, 'quartiers', 'QN06205M.html'), 'utf8');
    expect([...page.matchAll(/<tr data-type="(\w+)"><td>/g)].map((m) => m[1])).toEqual(EXPECTED.slice(1).map((e) => e[0]));

    // The same previous publication, the same bytes.
    const root = tempRoot();
    const again = await publishTwice(root);
    for (const f of ['changements.csv', 'index.html', 'quartiers/QN06205M.html', 'classeurs/agglomeration-cabbalr.xlsx']) {
      expect(readFileSync(path.join(again, f)).equals(readFileSync(path.join(out, f))), f).toBe(true);
    }

    // A third run on unchanged sources keeps the comparison it starts from instead of erasing it.
    const third = await runCli(['run', '--sources', path.join(root, 'apres'), '--out', again, '--formats', 'csv'], LIMIT);
    expect(third.code, third.stderr).toBe(0);
    expect(readFileSync(path.join(again, 'changements.csv')).equals(readFileSync(path.join(out, 'changements.csv')))).toBe(true);
  });
});

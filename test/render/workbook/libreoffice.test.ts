// Opens the workbooks in a real spreadsheet: LibreOffice headless converts
// every sheet to CSV (as shown, i.e. with the number formats applied).
// Slow (~5-10 s), so one conversion serves every check.

import { afterAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { planWorkbooks } from '../../../lib/render/workbook/plan.ts';
import { buildWorkbook } from '../../../lib/render/workbook/build-workbook.ts';
import { bundledModel, hostileModel, layout, tinyPng, HOSTILE_NAME } from './fixtures.ts';

const run = promisify(execFile);

async function findSoffice(): Promise<string | null> {
  for (const bin of ['soffice', 'libreoffice']) {
    try {
      await run(bin, ['--version'], { timeout: 30_000 });
      return bin;
    } catch {
      /* try the next name */
    }
  }
  return null;
}

const soffice = await findSoffice();
if (!soffice) console.warn('LibreOffice (soffice) absent : test de conversion des classeurs ignoré. Installez libreoffice-calc-nogui.');

describe.skipIf(!soffice)('LibreOffice opens the workbooks', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'classeurs-lo-'));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  const model = await bundledModel();
  const convention = planWorkbooks(model).plans[0]!;
  const charts = new Map([['QN06205M', [{ file: 'graphiques/QN06205M/a.png', png: tinyPng(), title: 'Graphique A', description: '' }]]]);
  await fs.writeFile(path.join(dir, 'convention.xlsx'), await buildWorkbook(convention, model, charts, { layout }));
  const hostile = await hostileModel();
  const hostilePlan = planWorkbooks(hostile).plans.find((p) => p.kind === 'convention' && p.quartiers.some((q) => q.code === 'QIC-62555-01'))!;
  await fs.writeFile(path.join(dir, 'hostile.xlsx'), await buildWorkbook(hostilePlan, hostile, new Map(), { layout }));
  // Comma, double quote, UTF-8, first line 1, cells as shown, every sheet in its own file (-1).
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
  const result = await run(soffice!, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', filter, '--outdir', dir, path.join(dir, 'convention.xlsx'), path.join(dir, 'hostile.xlsx')], { timeout: 180_000 });
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.csv'));
  const sheet = async (prefix: string, name: string) => {
    const file = files.find((f) => f === `${prefix}-${name}.csv`);
    if (!file) throw new Error(`no CSV for sheet ${name} among ${files.join(', ')}\n${result.stderr}`);
    return parse(await fs.readFile(path.join(dir, file), 'utf8'), { relax_column_count: true }) as string[][];
  };

  it('converts every sheet of both workbooks', () => {
    expect(files.filter((f) => f.startsWith('convention-')).length).toBe(6);
    // The renamed quartier has a convention of its own: synthesis, changes and targets, its sheet, data, sources.
    expect(files.filter((f) => f.startsWith('hostile-')).length).toBe(5);
  });

  it('shows percentages, bounds and gaps with the formats, numbers as numbers', async () => {
    const rows = await sheet('convention', 'Synthèse');
    const header = rows.findIndex((l) => l.includes('Quartier') && l.includes('Code'));
    const col = (n: string) => rows[header]!.indexOf(n);
    const find = (code: string, label: string) => rows.find((l) => l[col('Code')] === code && l[col('Indicateur')] === label)!;
    const poverty = find('QN06205M', 'Taux de pauvreté');
    // en-US profile: « . » decimals; a French Excel shows « 40,2 % ».
    expect(poverty[col('Valeur')]).toBe('40.2 %');
    expect(poverty[col('Valeur de référence')]).toBe('18.8 %');
    expect(poverty[col('Écart')]).toBe('+21.4 pts');
    expect(poverty[col('Indice (réf. = 100)')]).toBe('214');
    expect(poverty[col('Lecture')]).toBe('défavorable');
    const qic = find('QIC-62555-01', 'Taux de pauvreté');
    expect(qic[col('Valeur')]).toBe('> 30 %');
    expect(qic[col('Écart')]).toBe('> +11.2 pts');
    expect(find('QN06205M', 'Population')[col('Valeur')]).toBe('≈ 2,700');
    expect(find('QN06205M', 'Revenu disponible médian par unité de consommation')[col('Valeur')]).toBe('14,940 €');
  });

  it('keeps the data table and the sources readable', async () => {
    const data = await sheet('convention', 'Données');
    const header = data.findIndex((l) => l[0] === 'Code quartier');
    expect(data[header]!.slice(0, 5)).toEqual(['Code quartier', 'Quartier', 'Indicateur', 'Année', 'Valeur']);
    const qic = data.find((l) => l[0] === 'QIC-62555-01' && l[2] === 'Taux de pauvreté')!;
    expect(qic[4]).toBe('> 30 %');
    const sources = await sheet('convention', 'Sources et méthode');
    expect(sources.some((l) => l[0] === 'sigville/sigville_2022_cabbalr.csv' && /^\d+$/.test(l[7] ?? ''))).toBe(true);
  });

  it('shows hostile text as text, under a safe sheet name', async () => {
    const all = (await Promise.all(files.filter((f) => f.startsWith('hostile-')).map((f) => fs.readFile(path.join(dir, f), 'utf8')))).join('\n');
    expect(all).toContain('=1+1');
    expect(all).toContain('@SUM(A1:A2)');
    expect(all).toContain('=HYPERLINK(""http://example.invalid"",""x"")');
    expect(all).toContain(HOSTILE_NAME.replace(/"/g, '""'));
    expect(all).not.toContain('#NAME?');
    expect(files.some((f) => f.startsWith('hostile-QIC-62555-01 Les'))).toBe(true);
  });
});

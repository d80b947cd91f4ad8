// Excel workbooks in sources/: read like CSV files, sheet by sheet. A
// workbook written by exceljs (title rows, a merged title, percent-formatted
// fractions, a notes sheet) and one saved by LibreOffice from the bundled
// CSVs give the same tidy values as the CSVs.

import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { scanSourcesDir } from '../../pipeline/read-sources-dir.ts';
import { collectSources, readSources } from '../../lib/ingest/read-sources.ts';
import { decodeText } from '../../lib/ingest/decode.ts';
import { parseCsvTable } from '../../lib/ingest/csv-table.ts';
import { normalizeAgainstBaseline } from '../../lib/measures/baseline.ts';
import { readWorkbookSheets } from '../../lib/ingest/xlsx-sheets.ts';
import { msg } from '../../lib/messages/index.ts';
import { BUNDLED_SOURCES, REPO } from '../helpers/bundled.ts';
import { runCli } from '../helpers/cli.ts';

const CSVS = ['prefecture/prefecture_pas-de-calais_qic_2024.csv', 'sigville/sigville_2022_cabbalr.csv'];

/** The tidy values of a sources folder: what must not depend on the file format. */
async function tidyValues(sources: string): Promise<string[]> {
  const scan = await scanSourcesDir(sources);
  expect(scan.errors.map((e) => e.message)).toEqual([]);
  const rows = normalizeAgainstBaseline(readSources(scan.files));
  return rows.map((r) => [r.quartier_code, r.indicateur, r.annee, r.perimetre, r.etat, r.valeur, r.borne, r.valeur_reference, r.source].join('|')).sort();
}

function copyWithout(csvs: string[]): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'quartiers-xlsx-')), 'sources');
  cpSync(BUNDLED_SOURCES, dir, { recursive: true });
  for (const c of csvs) rmSync(path.join(dir, c));
  return dir;
}

/** A CSV cell as a person types it in Excel: numbers as numbers, « 18,8% » as 0,188 shown as a percentage. */
function typed(cell: ExcelJS.Cell, text: string): void {
  const pct = /^(-?\d+(?:,(\d+))?)\s*%$/.exec(text);
  const num = /^-?\d+(?:,\d+)?$/.test(text);
  if (pct) {
    cell.value = Number(pct[1]!.replace(',', '.')) / 100;
    cell.numFmt = pct[2] ? `0.${'0'.repeat(pct[2].length)}%` : '0%';
  } else if (num) cell.value = Number(text.replace(',', '.'));
  else if (text !== '') cell.value = text;
}

/** Each CSV as a sheet under a merged title row, then a notes sheet that is no table. */
async function workbookFromCsvs(csvs: string[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const c of csvs) {
    const table = parseCsvTable(decodeText(readFileSync(path.join(BUNDLED_SOURCES, c)), c).text, c);
    const ws = wb.addWorksheet(path.basename(c, '.csv').slice(0, 31));
    ws.getCell('A1').value = `Tableau repris de ${c}`;
    ws.mergeCells(1, 1, 1, table.header.length);
    table.preamble.forEach((p, i) => (ws.getCell(2 + i, 1).value = p));
    const headerRow = 3 + table.preamble.length;
    table.header.forEach((h, k) => (ws.getCell(headerRow, k + 1).value = h));
    table.rows.forEach((row, i) => row.forEach((text, k) => typed(ws.getCell(headerRow + 1 + i, k + 1), text)));
  }
  const notes = wb.addWorksheet('Notes');
  notes.getCell('A1').value = 'Chiffres transmis par la préfecture ; à vérifier avant diffusion.';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('Excel sources', () => {
  it('a workbook written with exceljs gives the same tidy values as the CSVs, and lists its notes sheet as not recognised', async () => {
    const expected = await tidyValues(BUNDLED_SOURCES);
    const dir = copyWithout(CSVS);
    writeFileSync(path.join(dir, 'prefecture', 'donnees_2024.xlsx'), await workbookFromCsvs(CSVS));
    expect(await tidyValues(dir)).toEqual(expected);

    const c = collectSources((await scanSourcesDir(dir)).files);
    const notes = c.sources.files.find((f) => f.file === msg.sheetLabel('prefecture/donnees_2024.xlsx', 'Notes'))!;
    expect(notes.kind).toBe('inconnu');
    expect(notes.notes![0]).toMatch(/^feuille non reconnue : /);
    // Provenance names the sheet, the row and the column with its letter.
    const f = c.sources.figures.find((x) => x.territory === 'QP062005' && x.indicator === 'taux_pauvrete' && x.year === 2022)!;
    expect(f.at.file).toBe(msg.sheetLabel('prefecture/donnees_2024.xlsx', 'sigville_2022_cabbalr'));
    expect(f.at.column).toBe('Taux de pauvreté (%) (G)');
    // validate names the sheet and its encoding, and no field separator a workbook does not have.
    const sheet = c.sources.files.find((x) => x.file === f.at.file)!;
    expect(msg.reportFile(sheet)).toMatch(/\(classeur Excel\)$/);
  });

  it('refuses a workbook none of whose sheets is read, naming the sheet and its header line, as it refuses such a CSV', async () => {
    const dir = copyWithout([]);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tableau');
    ws.addRow(['Chiffres 2024']);
    ws.addRow([]);
    ws.addRow(['territoire', 'mesure', 'chiffre']);
    ws.addRow(['Marles', 'logements', 12]);
    writeFileSync(path.join(dir, 'prefecture', 'chiffres_2024.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const c = collectSources((await scanSourcesDir(dir)).files);
    const label = msg.sheetLabel('prefecture/chiffres_2024.xlsx', 'Tableau');
    expect(c.errors.map((e) => [e.message, e.place])).toEqual([[msg.unknownKind(label, ['territoire', 'mesure', 'chiffre']), { file: label, line: 3 }]]);
  });

  it('says so when the sheet comes from a CSV opened with the wrong separator before being saved as .xlsx', async () => {
    // What LibreOffice or Excel make of a semicolon CSV opened as comma-separated: each line in column A.
    const dir = copyWithout(['prefecture/prefecture_pas-de-calais_qic_2024.csv']);
    const text = decodeText(readFileSync(path.join(BUNDLED_SOURCES, 'prefecture/prefecture_pas-de-calais_qic_2024.csv')), 'p.csv').text;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('prefecture');
    for (const line of text.split(/\r?\n/)) ws.addRow([line]);
    writeFileSync(path.join(dir, 'prefecture', 'prefecture_pas-de-calais_qic_2024.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const c = collectSources((await scanSourcesDir(dir)).files);
    expect(c.errors).toHaveLength(1);
    expect(c.errors[0]!.message).toContain(msg.sheetFromMisopenedCsv());
    // One column: no sheet is even a table; the workbook is named, and why its sheet is not.
    expect(c.errors[0]!.place.file).toBe('prefecture/prefecture_pas-de-calais_qic_2024.xlsx');
    expect(c.errors[0]!.message).toContain(`(feuille « prefecture » : ${msg.noHeader('x').slice('x:1 : '.length, -1)})`);
  });

  it('lists the lock file Excel leaves beside an open workbook as ignored, never read', async () => {
    const dir = copyWithout([]);
    writeFileSync(path.join(dir, 'prefecture', '~$donnees.xlsx'), Buffer.from('\x05Analyste'.padEnd(165, ' ')));
    const scan = await scanSourcesDir(dir);
    expect(scan.errors).toEqual([]);
    expect(scan.files.find((f) => f.path === 'prefecture/~$donnees.xlsx')?.bytes.length).toBe(0);
    const c = collectSources(scan.files);
    expect(c.errors).toEqual([]);
    expect(c.ignored).toContainEqual({ file: 'prefecture/~$donnees.xlsx', reason: msg.ignoredOfficeLock() });
  });

  it('refuses a file named .xlsx that is no workbook once, saying what it is', async () => {
    const dir = copyWithout([]);
    writeFileSync(path.join(dir, 'prefecture', 'ancien.xlsx'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(path.join(dir, 'prefecture', 'renomme.xlsx'), 'code;taux\nQP1;2\n');
    const scan = await scanSourcesDir(dir);
    const c = collectSources(scan.files, scan.errors);
    expect(c.errors.map((e) => e.message)).toEqual([msg.workbookNotXlsx('prefecture/ancien.xlsx', true), msg.workbookNotXlsx('prefecture/renomme.xlsx', false)]);
  });

  it('workbooks saved by LibreOffice from the bundled CSVs give the same tidy values', async () => {
    const expected = await tidyValues(BUNDLED_SOURCES);
    const dir = copyWithout(CSVS);
    for (const c of CSVS) cpSync(path.join(REPO, 'test/fixtures/xlsx', path.basename(c, '.csv') + '.xlsx'), path.join(dir, c.replace(/\.csv$/, '.xlsx')));
    expect(await tidyValues(dir)).toEqual(expected);
  });

  it('reads a percent-formatted fraction as a percentage, text as written, a date as a date, and refuses a formula without its result, naming the cell', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('QIC 2024');
    ws.addRow(['code', 'taux', 'texte', 'date']);
    ws.addRow(['QP062005', 0.402, '+ de 30 %', new Date(Date.UTC(2024, 0, 31))]);
    ws.getCell('B2').numFmt = '0.0%';
    ws.addRow(['QP062006', { formula: 'B2*2' }, 's', '']);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    await expect(readWorkbookSheets(bytes, 'prefecture.xlsx')).rejects.toThrow(msg.formulaWithoutResult('prefecture.xlsx', 'QIC 2024', 'B3', 'B2*2'));
    ws.getCell('B3').value = { formula: 'B2*2', result: 0.804 } as ExcelJS.CellFormulaValue;
    const [sheet] = await readWorkbookSheets(new Uint8Array(await wb.xlsx.writeBuffer()), 'prefecture.xlsx');
    expect(sheet!.rows).toEqual([['code', 'taux', 'texte', 'date'], ['QP062005', '40.2 %', '+ de 30 %', '2024-01-31'], ['QP062006', '0.804', 's', '']]);
  });

  it('refuses an .ods by name with how to convert it, and validate lists a README as ignored and a year file as read', async () => {
    const dir = copyWithout([]);
    writeFileSync(path.join(dir, 'LISEZMOI.md'), '# Notes\n');
    writeFileSync(path.join(dir, 'sigville', 'sigville_2022_cabbalr.annee'), '2022\n');
    const ok = await runCli(['validate', '--sources', dir], { timeoutMs: 60_000 });
    expect(ok.stderr).toContain(msg.reportIgnored('LISEZMOI.md', msg.ignoredNotData()));
    expect(ok.stderr).toContain(msg.sideFileYear('sigville/sigville_2022_cabbalr.annee', 2022, 'sigville/sigville_2022_cabbalr.csv'));
    writeFileSync(path.join(dir, 'prefecture', 'chiffres.ods'), 'PK');
    for (const command of ['validate', 'run']) {
      const r = await runCli([command, '--sources', dir, '--out', path.join(path.dirname(dir), 'reports')], { timeoutMs: 60_000 });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(msg.otherOfficeFormat('prefecture/chiffres.ods'));
    }
  });
});

import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { planWorkbooks } from '../../../lib/render/workbook/plan.ts';
import { buildWorkbook, documentDate, type ChartImage } from '../../../lib/render/workbook/build-workbook.ts';
import { donneesColumns } from '../../../lib/render/workbook/donnees-sheet.ts';
import { latestRows } from '../../../lib/render/portrait/portrait.ts';
import { workbookText as t } from '../../../lib/messages/workbook.ts';
import { TIDY_COLUMNS, type TidyRow } from '../../../lib/model/tidy-row.ts';
import { columnLetter } from '../../../lib/render/workbook/sheet-layout.ts';
import { HOSTILE_NAME, bundledModel, hostileModel, readWorkbook, sheetValues, tinyPng } from './fixtures.ts';

const model = await bundledModel();
const { plans } = planWorkbooks(model);
const convention = plans.find((p) => p.kind === 'convention')!;
const noCharts = new Map<string, ChartImage[]>();

describe('planWorkbooks', () => {
  it('makes one workbook for the convention of Marles-les-Mines and one for the CABBALR, each with both quartiers', () => {
    expect(plans.map((p) => [p.path, p.kind, p.quartiers.map((q) => q.code)])).toEqual([
      ['classeurs/convention-marles-les-mines.xlsx', 'convention', ['QN06205M', 'QIC-62555-01']],
      ['classeurs/agglomeration-cabbalr.xlsx', 'agglomeration', ['QN06205M', 'QIC-62555-01']],
    ]);
    expect(convention.author).toBe("Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane");
  });

  it('puts quartiers the registry does not know in one « hors référentiel » workbook', () => {
    const unknown = { ...model.quartiers[0]!, code: 'QN99999Z', quartier: undefined, name: 'Inconnu' };
    const r = planWorkbooks({ quartiers: [...model.quartiers, unknown] });
    expect(r.outsideRegistry).toEqual(['QN99999Z']);
    expect(r.plans.at(-1)).toMatchObject({ path: 'classeurs/hors-referentiel.xlsx', kind: 'hors_referentiel' });
    expect(r.plans.at(-1)!.quartiers.map((q) => q.code)).toEqual(['QN99999Z']);
  });
});

describe('buildWorkbook on the convention’s two quartiers', async () => {
  const bytes = await buildWorkbook(convention, model, noCharts);
  const wb = await readWorkbook(bytes);

  it('has the synthesis, one sheet per quartier, the data and the sources, with document properties', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Cités 5, de Marles et du Rond-P', 'Cité de Marles – Gambetta', 'Données', 'Sources et méthode']);
    expect(wb.creator).toBe(convention.author);
    expect(wb.title).toBe('Contrat de ville – convention de Marles-les-Mines');
    expect(wb.subject).toContain('2024');
    expect(wb.created.toISOString()).toBe(documentDate(model).toISOString());
    expect(wb.modified.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('« Données » holds the tidy table row for row, numbers as numbers', () => {
    const ws = wb.getWorksheet('Données')!;
    const values = sheetValues(ws);
    const header = values[0]!;
    expect(header).toEqual(donneesColumns());
    const rows = convention.quartiers.flatMap((q) => q.rows);
    expect(values.length - 1).toBe(rows.length);
    const col = (name: string) => header.indexOf(name);
    rows.forEach((row, k) => {
      const line = values[k + 1]!;
      for (const c of TIDY_COLUMNS) {
        if (c === 'valeur') continue;
        const expected = row[c] === '' || row[c] === null ? undefined : row[c];
        expect(line[col(c)] ?? undefined, `${row.quartier_code} ${row.indicateur} ${row.annee} ${c}`).toEqual(expected);
      }
      for (const c of TIDY_COLUMNS) {
        if (c !== 'valeur' && typeof row[c] === 'number') expect(ws.getCell(k + 2, col(c) + 1).numFmt, `${c} format`).toBeTruthy();
      }
      if (row.etat === 'valeur' && row.borne === '=') expect(line[col('valeur')]).toBe(row.valeur);
      if (row.etat === 'valeur') expect(line[col(t.numericValue)]).toBe(row.valeur);
      if (row.etat === 'secret') expect(line[col('valeur')]).toBe('secret');
    });
    // Bounded and approximate values read as the convention writes them, their number beside.
    const poverty = values.find((l) => l[col('quartier_code')] === 'QIC-62555-01' && l[col('indicateur')] === 'taux_pauvrete')!;
    expect(poverty[col('valeur')]).toBe('> 30 %');
    expect(poverty[col(t.numericValue)]).toBe(30);
    const population = values.find((l) => l[col('quartier_code')] === 'QN06205M' && l[col('indicateur')] === 'population' && l[col('annee')] === 2022)!;
    expect(population[col('valeur')]).toBe('≈ 2\u202f700');
    expect(ws.getCell(2, col(t.numericValue) + 1).numFmt).toBe('#,##0');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const table = ws.getTable('Donnees') as unknown as { table: { tableRef: string; columns: { filterButton: boolean }[] } };
    expect(table.table.tableRef).toBe(`A1:${columnLetter(donneesColumns().length)}${rows.length + 1}`);
  });

  it('« Synthèse » has one row per quartier × indicator of the report year, with reference, gap, index and reading', () => {
    const ws = wb.getWorksheet('Synthèse')!;
    const values = sheetValues(ws);
    const headerRow = values.findIndex((l) => l.includes('Quartier') && l.includes('Code'));
    const header = values[headerRow]!;
    const data = values.slice(headerRow + 1).filter((l) => l.length);
    const expected = convention.quartiers.flatMap((q) => [...latestRows(q.rows, 2024).values()].map((r) => ({ q, r })));
    // An indicator linked to several enjeux × objectives shows once in each group.
    const links = (r: TidyRow) => Math.max(1, r.enjeu.split(' | ').filter(Boolean).length);
    expect(expected.some(({ r }) => r.enjeu)).toBe(true);
    expect(data.length).toBe(expected.reduce((n, { r }) => n + links(r), 0));
    const col = (name: string) => header.indexOf(name);
    for (const { q, r } of expected) {
      const lines = data.filter((l) => l[col('Code')] === q.code && l[col('Indicateur')] === r.libelle);
      expect(lines, `${q.code} ${r.indicateur}`).toHaveLength(links(r));
      if (r.enjeu) expect(lines.map((l) => String(l[col('Enjeu')]).split(' – ')[0])).toEqual(r.enjeu.split(' | '));
      const line = lines[0]!;
      expect(line[col('Rang dans l’agglomération')] ?? null).toBe(r.rang === null ? null : `${r.rang}${r.rang === 1 ? 'er' : 'e'} sur ${r.rang_sur}`);
      expect(line[col('Année de base')] ?? null).toBe(r.annee_base);
      expect(line[col('Évolution depuis la base')] ?? null).toBe(r.situation_base === 'depuis_base' ? r.evolution_base : null);
      expect(line[col('Cible')] ?? null).toBe(r.cible);
      expect(line[col('Atteignable au rythme actuel')] ?? '').toBe(r.atteignable === 'indetermine' ? 'indéterminé' : r.atteignable);
      expect(line[col('Année')]).toBe(r.annee);
      expect(line[col('Valeur')] ?? null).toBe(r.etat === 'secret' ? 'secret' : r.valeur);
      expect(line[col('Valeur de référence')] ?? null).toBe(r.valeur_reference);
      expect(line[col('Écart')] ?? null).toBe(r.ecart_points);
      expect(line[col('Lecture')] ?? '').toBe(t.readings[r.sens]);
    }
    const poverty = data.find((l) => l[col('Code')] === 'QN06205M' && l[col('Indicateur')] === 'Taux de pauvreté')!;
    expect(poverty[col('Cible')]).toBe(35);
    expect(poverty[col('Rang dans l’agglomération')]).toBe('1er sur 1');
    const qic = headerRow + 1 + data.findIndex((l) => l[col('Code')] === 'QIC-62555-01' && l[col('Indicateur')] === 'Taux de pauvreté');
    expect(ws.getCell(qic + 1, col('Valeur') + 1).numFmt).toBe('"> "#,##0" %"');
    expect(ws.getCell(qic + 1, col('Écart') + 1).numFmt).toBe('"> "+#,##0.0" pts";"> "-#,##0.0" pts";"> "#,##0.0" pts"');
    expect(String(values[1]![0])).toContain('2024');
    expect(String(values[2]![0])).toContain('SIG Ville 2022');
    expect(String(values[3]![0])).toContain('ancien périmètre (2015)');
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${headerRow + 1}:${headerRow + 1}` });
    expect(ws.headerFooter.oddHeader).toContain('convention de Marles-les-Mines');
    expect(ws.headerFooter.oddFooter).toContain('&P');
  });

  it('colours rows by reading with a legend, with no number format inside the rule', () => {
    const ws = wb.getWorksheet('Synthèse')!;
    const cf = (ws as unknown as { conditionalFormattings: { rules: { formulae: string[]; style: object }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    const values = sheetValues(ws);
    const headerRow = values.findIndex((l) => l.includes('Quartier') && l.includes('Code'));
    const letter = columnLetter(values[headerRow]!.indexOf(t.readingHeader) + 1);
    const first = headerRow + 2;
    expect(cf[0]!.rules.map((r) => r.formulae[0])).toEqual([`$${letter}${first}="favorable"`, `$${letter}${first}="défavorable"`]);
    for (const rule of cf[0]!.rules) expect((rule.style as { numFmt?: unknown }).numFmt ?? undefined).toBeUndefined();
    expect(sheetValues(ws)[5]!.filter(Boolean)).toEqual([t.legendFavorable, t.legendDefavorable, t.legendNeutre]);
  });

  it('the quartier sheet states the portrait, every year of every indicator and the convention’s notes', () => {
    const q = convention.quartiers[0]!;
    const values = sheetValues(wb.getWorksheet('Cités 5, de Marles et du Rond-P')!);
    const flat = values.map((l) => (l ?? []).map((v) => (v === undefined ? '' : String(v))).join('|'));
    expect(flat[0]).toBe('Cités 5, de Marles et du Rond-Point');
    expect(flat).toContain('Code 2015|QP062005');
    expect(flat).toContain('Communes concernées|Auchel, Calonne-Ricouart, Marles-les-Mines');
    expect(flat.some((l) => l.includes('Taux de pauvreté : 40,2 % (18,8 % sur l’ensemble de l’agglomération).') || l.includes("Taux de pauvreté\u00a0: 40,2\u00a0% (18,8\u00a0% sur l'ensemble de l'agglomération)."))).toBe(true);
    const yearsHeader = values.find((l) => l?.[0] === 'Indicateur' && l[1] === 'Unité')!;
    const years = [...new Set(q.rows.map((r) => r.annee))].sort();
    expect(yearsHeader.slice(2)).toEqual([...years.map(String), 'Ruptures de série']);
    const poverty = values.find((l) => l?.[0] === 'Taux de pauvreté' && l[1] === '%')!;
    for (const r of q.rows.filter((x) => x.indicateur === 'taux_pauvrete')) expect(poverty[2 + years.indexOf(r.annee)]).toBe(r.valeur);
    // Filosofi 2012-2021, then the SIG Ville export: the same break as the trajectory chart.
    expect(poverty[2 + years.length]).toBe('2022 : sources différentes');
    const irritants = model.notes.filter((n) => n.quartier === q.code && n.section === 'irritant');
    expect(irritants.length).toBeGreaterThan(0);
    for (const n of irritants) expect(flat).toContain(`• ${n.text}`);
  });

  it('« Sources et méthode » lists every source file, and leaves its sha256 to manifest.json', () => {
    const values = sheetValues(wb.getWorksheet('Sources et méthode')!);
    for (const f of model.files) {
      const line = values.find((l) => l?.[0] === f.file)!;
      expect(line, f.file).toBeDefined();
      expect(line[6]).toBe(f.rows);
      // A workbook's key leaves the sha256 out (pipeline/phases/workbook-key.ts): showing it would make reused workbooks stale.
      expect(line).not.toContain(f.sha256);
    }
    expect(values.some((l) => l?.includes(t.filesFingerprints))).toBe(true);
    expect(values.some((l) => l?.[0] === 'Indice')).toBe(true);
  });
});

describe('enjeux', () => {
  it('groups the synthesis by the contract’s enjeux and objectives, the other indicators last', async () => {
    const enjeux = [
      { enjeu: 'Enjeu 2', enjeuLabel: 'Réussite éducative', objective: 'Objectif 2.1', indicator: 'ips' },
      { enjeu: 'Enjeu 1', enjeuLabel: 'Des quartiers attentifs aux habitants les plus fragiles', objective: 'Objectif 1.1', indicator: 'taux_pauvrete' },
      { enjeu: 'Enjeu 1', enjeuLabel: 'Des quartiers attentifs aux habitants les plus fragiles', objective: 'Objectif 1.1', indicator: 'part_familles_monoparentales' },
    ];
    const wb = await readWorkbook(await buildWorkbook(convention, { ...model, enjeux }, noCharts));
    const values = sheetValues(wb.getWorksheet('Synthèse')!);
    const headerRow = values.findIndex((l) => l[0] === 'Enjeu');
    expect(values[headerRow]!.slice(0, 3)).toEqual(['Enjeu', 'Objectif', 'Quartier']);
    const data = values.slice(headerRow + 1).map((l) => [l[0], l[1], l[3], l[4]]);
    expect(data.slice(0, 4)).toEqual([
      ['Enjeu 2 – Réussite éducative', 'Objectif 2.1', 'QN06205M', 'Indice de position sociale des établissements scolaires'],
      ['Enjeu 2 – Réussite éducative', 'Objectif 2.1', 'QIC-62555-01', 'Indice de position sociale des établissements scolaires'],
      ['Enjeu 1 – Des quartiers attentifs aux habitants les plus fragiles', 'Objectif 1.1', 'QN06205M', 'Taux de pauvreté'],
      ['Enjeu 1 – Des quartiers attentifs aux habitants les plus fragiles', 'Objectif 1.1', 'QIC-62555-01', 'Taux de pauvreté'],
    ]);
    expect(data[4]).toEqual(['Enjeu 1 – Des quartiers attentifs aux habitants les plus fragiles', 'Objectif 1.1', 'QIC-62555-01', 'Part des familles monoparentales']);
    const rest = data.slice(5);
    expect(rest.length).toBeGreaterThan(0);
    for (const l of rest) expect(l[0]).toBe(t.otherIndicators);
    expect(rest.map((l) => l[3])).not.toContain('Taux de pauvreté');
  });
});

describe('charts', () => {
  it('embeds each chart of the quartier as an image under its caption', async () => {
    const png = tinyPng(1800, 600);
    const charts = new Map([['QN06205M', [{ file: 'graphiques/QN06205M/evolution.png', png, title: 'Taux de pauvreté, 2012-2022', description: 'Le quartier et l’agglomération' }]]]);
    const wb = await readWorkbook(await buildWorkbook(convention, model, charts));
    const ws = wb.getWorksheet('Cités 5, de Marles et du Rond-P')!;
    const images = ws.getImages();
    expect(images).toHaveLength(1);
    const media = (wb.model as unknown as { media: { buffer: Buffer; extension: string }[] }).media;
    expect(media[0]!.extension).toBe('png');
    expect(Buffer.compare(media[0]!.buffer, Buffer.from(png))).toBe(0);
    const row = images[0]!.range.tl.nativeRow; // 0-based: the 1-based row above the image
    expect(ws.getCell(row, 1).value).toBe('Le quartier et l’agglomération');
    expect(ws.getCell(row - 1, 1).value).toBe('Taux de pauvreté, 2012-2022');
    // Scaled to 900 px wide, keeping its proportions.
    expect((images[0]!.range as unknown as { ext: { width: number; height: number } }).ext).toEqual({ width: 900, height: 300 });
    expect(wb.getWorksheet('Cité de Marles – Gambetta')!.getImages()).toHaveLength(0);
  });
});

describe('chart images put in after exceljs wrote the package', () => {
  it('gives each sheet its own images, bytes unchanged, in order', async () => {
    const [a, b, c] = [tinyPng(300, 100), tinyPng(200, 100), tinyPng(100, 100)];
    const img = (png: Uint8Array, n: string) => ({ file: `graphiques/x/${n}.png`, png, title: n, description: '' });
    const charts = new Map([['QN06205M', [img(a, 'a'), img(b, 'b')]], ['QIC-62555-01', [img(c, 'c')]]]);
    const wb = await readWorkbook(await buildWorkbook(convention, model, charts));
    const media = (wb.model as unknown as { media: { buffer: Buffer }[] }).media;
    const bytesOf = (sheet: string) => wb.getWorksheet(sheet)!.getImages().map((i) => media[Number(i.imageId)]!.buffer);
    const same = (x: Buffer[], y: Uint8Array[]) => x.length === y.length && x.every((buf, k) => Buffer.compare(buf, Buffer.from(y[k]!)) === 0);
    expect(same(bytesOf('Cités 5, de Marles et du Rond-P'), [a, b])).toBe(true);
    expect(same(bytesOf('Cité de Marles – Gambetta'), [c])).toBe(true);
  });
});

describe('determinism and safety', () => {
  it('gives byte-identical workbooks on two builds, every zip entry dated from the data', async () => {
    const png = tinyPng();
    const charts = new Map([['QN06205M', [{ file: 'graphiques/QN06205M/a.png', png, title: 'A', description: '' }]]]);
    const a = await buildWorkbook(convention, model, charts);
    await new Promise((r) => setTimeout(r, 1100));
    const b = await buildWorkbook(convention, { ...model, generatedAt: '2030-01-01T00:00:00.000Z' }, charts);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const zip = await JSZip.loadAsync(a);
    const names = Object.keys(zip.files);
    expect(names[0]).toBe('[Content_Types].xml');
    for (const n of names) expect(zip.files[n]!.date.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('keeps text from the sources that starts with = + - @ as text, never a formula', async () => {
    const hostile = await hostileModel();
    const plan = planWorkbooks(hostile).plans.find((p) => p.kind === 'convention' && p.quartiers.some((q) => q.code === 'QIC-62555-01'))!;
    expect(plan.path).toBe('classeurs/convention-etc-ville-a-b.xlsx');
    const bytes = await buildWorkbook(plan, hostile, noCharts);
    const zip = await JSZip.loadAsync(bytes);
    for (const n of Object.keys(zip.files).filter((x) => x.startsWith('xl/worksheets/sheet'))) {
      expect(await zip.files[n]!.async('string'), n).not.toMatch(/<f[ >]/);
    }
    const wb = await readWorkbook(bytes);
    const all = wb.worksheets.flatMap((ws) => sheetValues(ws).flat());
    expect(all).toContain('=1+1');
    expect(all).toContain('@SUM(A1:A2)');
    expect(all).toContain('• -2+3');
    expect(all).toContain('=HYPERLINK("http://example.invalid","x")');
    expect(all).toContain(HOSTILE_NAME);
    for (const v of all) expect(typeof v === 'object' && v !== null && 'formula' in v).toBe(false);
    expect(wb.worksheets.map((w) => w.name)).toContain(`Les "Tours" Bât A Nord x 'quai`);
    const styles = await zip.files['xl/styles.xml']!.async('string');
    expect(styles).toMatch(/<dxf>/);
    for (const dxf of styles.match(/<dxf>.*?<\/dxf>/gs) ?? []) expect(dxf).not.toContain('numFmt');
  });
});

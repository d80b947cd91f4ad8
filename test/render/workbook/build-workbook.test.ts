import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { planWorkbooks } from '../../../lib/render/workbook/plan.ts';
import { buildWorkbook, documentDate, type ChartImage } from '../../../lib/render/workbook/build-workbook.ts';
import { DONNEES_HEADER_ROW } from '../../../lib/render/workbook/donnees-sheet.ts';
import { latestRows } from '../../../lib/render/portrait/portrait.ts';
import { workbookText as t } from '../../../lib/messages/workbook.ts';
import type { TidyRow } from '../../../lib/model/tidy-row.ts';
import { columnLetter } from '../../../lib/render/workbook/sheet-layout.ts';
import { HOSTILE_NAME, agglomerationModel, bundledModel, hostileModel, layout, readWorkbook, sheetValues, tinyPng } from './fixtures.ts';
import ExcelJS from 'exceljs';
import { addSyntheseSheet, syntheseRows } from '../../../lib/render/workbook/synthese-sheet.ts';

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
  const bytes = await buildWorkbook(convention, model, noCharts, { layout });
  const wb = await readWorkbook(bytes);

  it('has the synthesis, one sheet per quartier, the data and the sources, with document properties', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Synthèse', 'Évolutions et cibles', 'QN06205M Cités 5', 'QIC-62555-01 Cité de Marles', 'Données', 'Sources et méthode']);
    expect(wb.company).toBe(convention.author);
    expect(wb.creator).toBe('quartiers 0.0.0-test');
    expect(wb.description).toContain('2024');
    expect(wb.keywords).toContain('2024');
    expect(wb.title).toBe('Contrat de ville – convention de Marles-les-Mines');
    expect(wb.subject).toContain('2024');
    expect(wb.created.toISOString()).toBe(documentDate(model).toISOString());
    expect(wb.modified.toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('« Données » holds every row of the tidy table in the comité’s columns, numbers as numbers', () => {
    const ws = wb.getWorksheet('Données')!;
    const values = sheetValues(ws);
    const h = DONNEES_HEADER_ROW - 1;
    const header = values[h]!;
    const H = t.donneesHeaders;
    // No national context in the bundled sources: its columns stay out.
    expect(header).toEqual([H.code, H.quartier, H.indicateur, H.annee, H.valeur, H.valeurReference, H.ecart, H.indice, H.lecture, H.evolution, H.convergence, H.rang, H.cibleAnnee, H.cible, H.source]);
    const rows = convention.quartiers.flatMap((q) => q.rows);
    expect(values.length - 1 - h).toBe(rows.length);
    const col = (name: string) => header.indexOf(name);
    rows.forEach((row, k) => {
      const line = values[h + 1 + k]!;
      const at = `${row.quartier_code} ${row.indicateur} ${row.annee}`;
      expect(line[col(H.code)], at).toBe(row.quartier_code);
      expect(line[col(H.indicateur)], at).toBe(row.libelle);
      expect(line[col(H.annee)], at).toBe(row.annee);
      expect(line[col(H.valeur)] ?? null, at).toBe(row.etat === 'secret' ? 'secret' : row.etat === 'valeur' ? row.valeur : null);
      expect(line[col(H.valeurReference)] ?? null, at).toBe(row.valeur_reference);
      expect(line[col(H.ecart)] ?? null, at).toBe(row.borne_ecart === '?' ? 'indéterminé' : row.ecart_points);
      expect(line[col(H.evolution)] ?? null, at).toBe(row.borne_evolution === '?' ? 'indéterminé' : row.evolution);
      expect(line[col(H.lecture)] ?? '', at).toBe(t.readings[row.sens]);
      expect(line[col(H.cible)] ?? null, at).toBe(row.cible);
      expect(line[col(H.source)] ?? '', at).toBe(row.source);
      if (typeof row.valeur === 'number' && row.etat === 'valeur') expect(ws.getCell(h + 2 + k, col(H.valeur) + 1).numFmt, at).toBeTruthy();
    });
    // A bounded value is a number whose format shows the bound.
    const k = rows.findIndex((r) => r.quartier_code === 'QIC-62555-01' && r.indicateur === 'taux_pauvrete');
    expect(values[h + 1 + k]![col(H.valeur)]).toBe(30);
    expect(ws.getCell(h + 2 + k, col(H.valeur) + 1).numFmt).toBe('"> "#,##0" %"');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: DONNEES_HEADER_ROW });
    expect(ws.autoFilter).toBe(`A${DONNEES_HEADER_ROW}:${columnLetter(header.length)}${rows.length + DONNEES_HEADER_ROW}`);
  });

  it('« Données » links to the full table when the run writes it, and says how to get it otherwise', async () => {
    expect(wb.getWorksheet('Données')!.getCell('A2').value).toBe(t.fullTableAbsent);
    const linked = await readWorkbook(await buildWorkbook(convention, model, noCharts, { layout, fullTable: '../indicateurs.csv' }));
    expect(linked.getWorksheet('Données')!.getCell('A2').value).toEqual({ text: t.fullTableLink, hyperlink: '../indicateurs.csv' });
  });

  it('shows the national rank and the QPV median when the rows carry them', async () => {
    const withContext = { ...model, quartiers: model.quartiers.map((q) => ({ ...q, rows: q.rows.map((r) => ({ ...r, rang_national: 782, rang_national_sur: 1292, mediane_qpv: 42.4 })) })) };
    const plan = planWorkbooks(withContext).plans.find((p) => p.kind === 'convention')!;
    const ws = (await readWorkbook(await buildWorkbook(plan, withContext, noCharts, { layout }))).getWorksheet('Données')!;
    const values = sheetValues(ws);
    const header = values[DONNEES_HEADER_ROW - 1]!;
    expect(values[DONNEES_HEADER_ROW]![header.indexOf(t.donneesHeaders.rangNational)]).toBe('782e sur 1292');
    expect(values[DONNEES_HEADER_ROW]![header.indexOf(t.donneesHeaders.medianeQpv)]).toBe(42.4);
  });

  it('« Synthèse » and « Évolutions et cibles » have one row per quartier × indicator of the report year', () => {
    const table = (sheet: string) => {
      const values = sheetValues(wb.getWorksheet(sheet)!);
      const headerRow = values.findIndex((l) => l.includes('Quartier') && l.includes('Code'));
      const header = values[headerRow]!;
      // Rows of figures have a code; the others head a group of the contract's enjeux.
      const data = values.slice(headerRow + 1).filter((l) => l[header.indexOf('Code')]);
      return { values, headerRow, header, data, col: (name: string) => header.indexOf(name) };
    };
    const synthese = table('Synthèse');
    const trajectories = table('Évolutions et cibles');
    const expected = convention.quartiers.flatMap((q) => [...latestRows(q.rows, 2024).values()].map((r) => ({ q, r })));
    // An indicator linked to several enjeux × objectives shows once in each group.
    const links = (r: TidyRow) => Math.max(1, r.enjeu.split(' | ').filter(Boolean).length);
    expect(expected.some(({ r }) => r.enjeu)).toBe(true);
    expect(synthese.data.length).toBe(expected.reduce((n, { r }) => n + links(r), 0));
    expect(trajectories.data.map((l) => [l[trajectories.col('Code')], l[trajectories.col('Indicateur')]])).toEqual(synthese.data.map((l) => [l[synthese.col('Code')], l[synthese.col('Indicateur')]]));
    const { col } = synthese;
    for (const { q, r } of expected) {
      const at = synthese.data.flatMap((l, k) => (l[col('Code')] === q.code && l[col('Indicateur')] === r.libelle ? [k] : []));
      expect(at, `${q.code} ${r.indicateur}`).toHaveLength(links(r));
      if (r.enjeu) expect(at.map((k) => synthese.data[k]![col('Enjeu')])).toEqual(r.enjeu.split(' | '));
      const line = synthese.data[at[0]!]!;
      expect(line[col('Rang dans l’agglomération')] ?? null).toBe(r.rang === null ? null : `${r.rang}${r.rang === 1 ? 'er' : 'e'} sur ${r.rang_sur}`);
      expect(line[col('Année')]).toBe(r.annee);
      expect(line[col('Valeur')] ?? null).toBe(r.etat === 'secret' ? 'secret' : r.valeur);
      expect(line[col('Valeur de référence')] ?? null).toBe(r.valeur_reference);
      expect(line[col('Écart')] ?? null).toBe(r.ecart_points);
      expect(line[col('Lecture')] ?? '').toBe(t.readings[r.sens]);
      const later = trajectories.data[at[0]!]!;
      const tcol = trajectories.col;
      expect(later[tcol('Année de base')] ?? null).toBe(r.annee_base);
      expect(later[tcol('Évolution depuis la base')] ?? null).toBe(r.situation_base === 'depuis_base' ? r.evolution_base : null);
      expect(later[tcol('Cible')] ?? null).toBe(r.cible);
      expect(later[tcol('Atteignable au rythme actuel')] ?? '').toBe(r.atteignable === 'indetermine' ? 'indéterminé' : r.atteignable);
      expect(later[tcol('Source')]).toBe(r.source);
    }
    const k = synthese.data.findIndex((l) => l[col('Code')] === 'QN06205M' && l[col('Indicateur')] === 'Taux de pauvreté');
    expect(trajectories.data[k]![trajectories.col('Cible')]).toBe(35);
    expect(synthese.data[k]![col('Rang dans l’agglomération')]).toBe('1er sur 1');
    const ws = wb.getWorksheet('Synthèse')!;
    const qic = synthese.values.indexOf(synthese.data.find((l) => l[col('Code')] === 'QIC-62555-01' && l[col('Indicateur')] === 'Taux de pauvreté')!);
    expect(ws.getCell(qic + 1, col('Valeur') + 1).numFmt).toBe('"> "#,##0" %"');
    expect(ws.getCell(qic + 1, col('Écart') + 1).numFmt).toBe('"> "+#,##0.0" pts";"> "-#,##0.0" pts";"> "#,##0.0" pts"');
    const { values, headerRow } = synthese;
    expect(String(values[1]![0])).toContain('2024');
    expect(String(values[2]![0])).toContain('SIG Ville 2022');
    expect(String(values[3]![0])).toContain('ancien périmètre (2015)');
    // An explicit scale, the same in every spreadsheet, that fits the width and prints 11 pt text at 8 pt at least.
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, fitToPage: false, printTitlesRow: `${headerRow + 1}:${headerRow + 1}` });
    expect(ws.pageSetup.scale).toBeGreaterThanOrEqual(73);
    expect(ws.pageSetup.scale).toBeLessThanOrEqual(100);
    expect(ws.pageSetup.printArea).toBe(`A1:${columnLetter(synthese.header.length)}${values.length}`);
    expect(ws.headerFooter.oddHeader).toContain('convention de Marles-les-Mines');
    expect(ws.headerFooter.oddFooter).toContain('page &P / &N');
    expect(ws.headerFooter.oddFooter).toContain('2024');
  });

  it('colours rows by reading with a legend, with no number format inside the rule', () => {
    const ws = wb.getWorksheet('Synthèse')!;
    const cf = (ws as unknown as { conditionalFormattings: { rules: { formulae: string[]; style: object }[] }[] }).conditionalFormattings;
    expect(cf).toHaveLength(1);
    const values = sheetValues(ws);
    const headerRow = values.findIndex((l) => l.includes('Quartier') && l.includes('Code'));
    const letter = columnLetter(values[headerRow]!.indexOf(t.syntheseHeaders.lecture) + 1);
    const first = headerRow + 2;
    expect(sheetValues(ws)[headerRow + 1]![0]).toMatch(/^Enjeu 1 – /); // the first group's row
    expect(cf[0]!.rules.map((r) => r.formulae[0])).toEqual([`$${letter}${first}="favorable"`, `$${letter}${first}="défavorable"`]);
    for (const rule of cf[0]!.rules) expect((rule.style as { numFmt?: unknown }).numFmt ?? undefined).toBeUndefined();
    expect(sheetValues(ws)[5]!.filter(Boolean)).toEqual([t.legendFavorable, t.legendDefavorable, t.legendNeutre]);
    // Each label's colour covers its text: the label's cells, merged, are as wide as it.
    const merges = (ws.model as unknown as { merges: string[] }).merges.filter((m) => /^[A-Z]+6:/.test(m));
    for (const label of [t.legendFavorable, t.legendDefavorable, t.legendNeutre]) {
      const at = sheetValues(ws)[5]!.indexOf(label) + 1;
      const range = merges.find((m) => m.startsWith(`${columnLetter(at)}6:`));
      const last = range ? ws.getCell(range.split(':')[1]!).col : at;
      let units = 0;
      for (let c = at; c <= Number(last); c++) {
        units += ws.getColumn(c).width!;
        expect((ws.getCell(6, c).fill as { fgColor?: { argb?: string } }).fgColor?.argb, `${label}, colonne ${c}`).toMatch(/^FF/);
      }
      expect(units, label).toBeGreaterThanOrEqual(layout.units(label));
    }
  });

  it('the quartier sheet states the portrait, every year of every indicator and the convention’s notes', () => {
    const q = convention.quartiers[0]!;
    const values = sheetValues(wb.getWorksheet('QN06205M Cités 5')!);
    const flat = values.map((l) => (l ?? []).map((v) => (v === undefined || v === null ? '' : String(v))).join('|').replace(/\|+$/, ''));
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

describe('a large agglomeration', () => {
  it('counts its quartiers by perimeter in the Synthèse instead of naming 130 of them (Excel’s tallest row held 95)', async () => {
    const large = await agglomerationModel(130);
    const plan = planWorkbooks(large).plans.find((p) => p.kind === 'agglomeration')!;
    const ws = addSyntheseSheet(new ExcelJS.Workbook(), layout, 'Synthèse', plan.title, syntheseRows(plan.quartiers, large), large);
    const line = String(ws.getCell('A4').value);
    expect(line).toBe('Périmètres : ancien périmètre (2015) pour 65 quartiers ; périmètre 2024 pour 65 quartiers (le périmètre de chaque valeur : colonne « perimetre » d’indicateurs.csv)');
    expect(ws.getRow(4).height ?? 15).toBeLessThan(60);
  });
});

describe('enjeux', () => {
  it('groups the synthesis by the contract’s enjeux and objectives, the other indicators last', async () => {
    const enjeux = [
      { enjeu: 'Enjeu 2', enjeuLabel: 'Réussite éducative', objective: 'Objectif 2.1', indicator: 'ips' },
      { enjeu: 'Enjeu 1', enjeuLabel: 'Des quartiers attentifs aux habitants les plus fragiles', objective: 'Objectif 1.1', indicator: 'taux_pauvrete' },
      { enjeu: 'Enjeu 1', enjeuLabel: 'Des quartiers attentifs aux habitants les plus fragiles', objective: 'Objectif 1.1', indicator: 'part_familles_monoparentales' },
    ];
    const wb = await readWorkbook(await buildWorkbook(convention, { ...model, enjeux }, noCharts, { layout }));
    const values = sheetValues(wb.getWorksheet('Synthèse')!);
    const headerRow = values.findIndex((l) => l[0] === 'Enjeu');
    expect(values[headerRow]!.slice(0, 3)).toEqual(['Enjeu', 'Quartier', 'Code']);
    const rows = values.slice(headerRow + 1);
    expect(rows[0]![0]).toBe('Enjeu 2 – Réussite éducative · objectif : Objectif 2.1');
    const data = rows.filter((l) => l[2]).map((l) => [l[0], l[2], l[3]]);
    expect(data.slice(0, 4)).toEqual([
      ['Enjeu 2', 'QN06205M', 'Indice de position sociale des établissements scolaires'],
      ['Enjeu 2', 'QIC-62555-01', 'Indice de position sociale des établissements scolaires'],
      ['Enjeu 1', 'QN06205M', 'Taux de pauvreté'],
      ['Enjeu 1', 'QIC-62555-01', 'Taux de pauvreté'],
    ]);
    expect(rows[3]![0]).toBe('Enjeu 1 – Des quartiers attentifs aux habitants les plus fragiles · objectif : Objectif 1.1');
    expect(data[4]).toEqual(['Enjeu 1', 'QIC-62555-01', 'Part des familles monoparentales']);
    const rest = data.slice(5);
    expect(rest.length).toBeGreaterThan(0);
    for (const l of rest) expect(l[0]).toBe(t.otherIndicators);
    expect(rest.map((l) => l[2])).not.toContain('Taux de pauvreté');
  });
});

// The caption of the bundled quartier's trajectories chart, as the pipeline writes it.
const TRAJECTORIES_TITLE =
  'Cités 5, de Marles et du Rond-Point : trajectoires 2012-2022 et période du contrat 2024-2030 – Source : SIG Ville 2022, ancien périmètre ; INSEE Filosofi 2012-2021, ancien périmètre Référence : CABBALR Bande jaune : contrat 2024-2030 ; trait vertical : nouveau périmètre (2024) ; croix : cible 2030 (plafond ou plancher). Pointillés gris : rupture de série (autre source ou autre périmètre) ; l’écart entre ces deux points n’est pas une évolution. Une cible d’écart se lit sur la série des écarts à la référence (la référence vaut 0).';
const TRAJECTORIES_DESCRIPTION =
  'Courbes par année pour le quartier Cités 5, de Marles et du Rond-Point (trait plein bleu) et sa référence (tirets orange) : Population (habitants), Taux de pauvreté (%), Taux d’emploi des 15-64 ans\nécart à CABBALR (points), Part des 16-25 ans non scolarisés et sans emploi\nécart à CABBALR (points), Revenu disponible médian par unité de consommation (€), Indice de Gini du revenu disponible, Rapport interdécile S80/S20 du revenu disponible. La bande jaune marque la période du contrat 2024-2030 ; une ligne verticale marque le changement de périmètre de 2024 ; les cibles 2030 sont des croix.';

/** Width in points of the columns before `col`, as Excel draws them. */
function excelWidthPt(ws: import('exceljs').Worksheet, col: number): number {
  let pt = 0;
  for (let c = 1; c < col; c++) pt += (ws.getColumn(c).width ?? 9.14) * 5.25 + 3.75;
  return pt;
}

describe('charts', () => {
  it('embeds each chart of the quartier as an image under its caption', async () => {
    const png = tinyPng(1800, 600);
    const charts = new Map([['QN06205M', [{ file: 'graphiques/QN06205M/evolution.png', png, title: 'Taux de pauvreté, 2012-2022', description: 'Le quartier et l’agglomération' }]]]);
    const wb = await readWorkbook(await buildWorkbook(convention, model, charts, { layout }));
    const ws = wb.getWorksheet('QN06205M Cités 5')!;
    const images = ws.getImages();
    expect(images).toHaveLength(1);
    const media = (wb.model as unknown as { media: { buffer: Buffer; extension: string }[] }).media;
    expect(media[0]!.extension).toBe('png');
    expect(Buffer.compare(media[0]!.buffer, Buffer.from(png))).toBe(0);
    const row = images[0]!.range.tl.nativeRow; // 0-based: the 1-based row above the image
    expect(ws.getCell(row, 1).value).toBe('Le quartier et l’agglomération');
    expect(ws.getCell(row - 1, 1).value).toBe('Taux de pauvreté, 2012-2022');
    // As wide as the sheet's columns as Excel draws them (5,25 pt a unit plus 3,75 pt a column), keeping its proportions.
    const ext = (images[0]!.range as unknown as { ext: { width: number; height: number } }).ext;
    expect(Math.abs(ext.width - (excelWidthPt(ws, ws.columnCount + 1) * 4) / 3)).toBeLessThan(2);
    expect(ext.height * 3).toBeCloseTo(ext.width, -1);
    expect(wb.getWorksheet('QIC-62555-01 Cité de Marles')!.getImages()).toHaveLength(0);
  });

  it('prints a tall chart as tall as the page, its caption on its right', async () => {
    const charts = new Map([['QN06205M', [{ file: 'graphiques/QN06205M/trajectoires.png', png: tinyPng(1319, 1767), title: TRAJECTORIES_TITLE, description: TRAJECTORIES_DESCRIPTION }]]]);
    const wb = await readWorkbook(await buildWorkbook(convention, model, charts, { layout }));
    const ws = wb.getWorksheet('QN06205M Cités 5')!;
    const image = ws.getImages()[0]!;
    const ext = (image.range as unknown as { ext: { width: number; height: number } }).ext;
    const top = image.range.tl.nativeRow + 1;
    const captionCol = ws.getRow(top).values instanceof Array ? (ws.getRow(top).values as unknown[]).findIndex((v) => typeof v === 'string' && v.includes('trajectoires')) : -1;
    expect(captionCol).toBeGreaterThan(1);
    // The caption starts right of the image in Excel, whose columns are the narrower.
    expect(excelWidthPt(ws, captionCol)).toBeGreaterThanOrEqual((ext.width * 3) / 4);
    // The image takes the page's height (landscape A4 less margins, at the sheet's scale), less its title and a few rows.
    const pageHeight = ((595.3 - 108) * 100) / ws.pageSetup.scale!;
    expect((ext.height * 3) / 4).toBeGreaterThan(pageHeight - 90);
  });
});

describe('chart images', () => {
  it('gives each sheet its own images, bytes unchanged, in order', async () => {
    const [a, b, c] = [tinyPng(300, 100), tinyPng(200, 100), tinyPng(100, 100)];
    const img = (png: Uint8Array, n: string) => ({ file: `graphiques/x/${n}.png`, png, title: n, description: '' });
    const charts = new Map([['QN06205M', [img(a, 'a'), img(b, 'b')]], ['QIC-62555-01', [img(c, 'c')]]]);
    const wb = await readWorkbook(await buildWorkbook(convention, model, charts, { layout }));
    const media = (wb.model as unknown as { media: { buffer: Buffer }[] }).media;
    const bytesOf = (sheet: string) => wb.getWorksheet(sheet)!.getImages().map((i) => media[Number(i.imageId)]!.buffer);
    const same = (x: Buffer[], y: Uint8Array[]) => x.length === y.length && x.every((buf, k) => Buffer.compare(buf, Buffer.from(y[k]!)) === 0);
    expect(same(bytesOf('QN06205M Cités 5'), [a, b])).toBe(true);
    expect(same(bytesOf('QIC-62555-01 Cité de Marles'), [c])).toBe(true);
  });
});

describe('safety', () => {
  it('keeps text from the sources that starts with = + - @ as text, never a formula', async () => {
    const hostile = await hostileModel();
    const plan = planWorkbooks(hostile).plans.find((p) => p.kind === 'convention' && p.quartiers.some((q) => q.code === 'QIC-62555-01'))!;
    expect(plan.path).toBe('classeurs/convention-etc-ville-a-b.xlsx');
    const bytes = await buildWorkbook(plan, hostile, noCharts, { layout });
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
    expect(wb.worksheets.map((w) => w.name)).toContain(`QIC-62555-01 Les "Tours" Bât A`);
    const styles = await zip.files['xl/styles.xml']!.async('string');
    expect(styles).toMatch(/<dxf>/);
    for (const dxf of styles.match(/<dxf>.*?<\/dxf>/gs) ?? []) expect(dxf).not.toContain('numFmt');
  });
});

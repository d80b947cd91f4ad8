// The report's pages from the bundled sources (with a hostile quartier):
// structure an assistive technology relies on, escaping, links that lead
// somewhere, and the same bytes for the same model.

import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReportModel } from '../../../lib/report/model.ts';
import { renderReportSite, type SiteInput } from '../../../lib/render/html/site.ts';
import { msg } from '../../../lib/messages/index.ts';
import { escapeHtml } from '../../../lib/render/html/markup.ts';
import type { OutputWriter } from '../../../pipeline/output-writer.ts';
import { FIXED_DATE, HOSTILE_CODE, HOSTILE_NAME, HOSTILE_NOTE, hostileSources, modelOf, quietEffects, tinyBarSpec, writeReportWithCharts } from './report-fixture.ts';
import { createOutputWriter } from '../../../pipeline/output-writer.ts';
import { htmlPhase } from '../../../pipeline/phases/html.ts';
import { safeFileName } from '../../../lib/text/safe-file-name.ts';
import { agglomerationChartDir, groupByEpci } from '../../../lib/render/charts/chart-plan.ts';

let model: ReportModel;
let sourcesDir: string;

beforeAll(async () => {
  sourcesDir = hostileSources();
  model = await modelOf(sourcesDir);
});

function siteInput(m: ReportModel, extra: Partial<SiteInput> = {}): SiteInput {
  return {
    model: m,
    charts: [],
    files: { workbooks: [], tidyCsv: 'indicateurs.csv', portraits: new Map() },
    quartierPage: (code) => `quartiers/${code}.html`,
    ...extra,
  };
}

function pages(input: SiteInput): Map<string, string> {
  return new Map(renderReportSite(input).filter((f) => f.path.endsWith('.html')).map((f) => [f.path, f.content]));
}

/** The checks every page must pass, whatever its content. */
function expectAccessibleStructure(page: string): void {
  expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="fr">/);
  expect(page).toContain('<meta charset="utf-8">');
  expect(page).toMatch(/<a class="skip-link" href="#contenu">/);
  expect(page).toMatch(/<main id="contenu"/);
  const levels = [...page.matchAll(/<h([1-6])[\s>]/g)].map((m) => Number(m[1]));
  expect(levels[0]).toBe(1);
  expect(levels.filter((l) => l === 1)).toHaveLength(1);
  for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
  for (const table of page.match(/<table[\s\S]*?<\/table>/g) ?? []) {
    expect(table).toMatch(/^<table[^>]*>\n<caption>[^<]+<\/caption>/);
    for (const th of table.match(/<th[\s>][^>]*/g) ?? []) expect(th).toMatch(/scope="(col|row)"/);
  }
  for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href).not.toMatch(/^(?:[a-z]+:|\/\/|\/)/i);
  expect(page).not.toMatch(/<link[^>]+https?:|<script[^>]+src="https?:|@import|url\(/);
}

describe('report pages', () => {
  it('have lang="fr", a skip link, one h1, headings in order, captioned tables with scoped headers, relative links only', () => {
    const all = pages(siteInput(model));
    expect([...all.keys()]).toEqual(['index.html', ...model.quartiers.map((q) => `quartiers/${q.code}.html`)]);
    for (const page of all.values()) expectAccessibleStructure(page);
  });

  it('shows a hostile quartier name and note as text, in content, attributes and inline JSON', () => {
    const hostileChart = tinyBarSpec(HOSTILE_NAME, `</script><script>alert(3)</script>`, [{ territoire: HOSTILE_NAME, valeur: 1 }]);
    const all = pages(siteInput(model, { charts: [{ specPath: 'graphiques/x.vl.json', quartier: null, agglomeration: null, renderings: [], spec: hostileChart }, { specPath: `graphiques/${HOSTILE_CODE}/y.vl.json`, quartier: HOSTILE_CODE, agglomeration: null, renderings: [], spec: hostileChart }] }));
    const index = all.get('index.html')!;
    const page = all.get(`quartiers/${HOSTILE_CODE}.html`)!;
    for (const p of [index, page]) {
      expect(p).not.toContain(HOSTILE_NAME);
      expect(p).not.toContain('<script>alert');
      expect(p).toContain(escapeHtml(HOSTILE_NAME));
      // The only script elements are the report's own: the libraries and one JSON spec per chart.
      expect(p.match(/<script\b[^>]*>/g)).toEqual([
        '<script type="application/json" id="graphique-1-spec">',
        '<script src="' + (p === index ? '' : '../') + 'assets/vega.min.js">',
        '<script src="' + (p === index ? '' : '../') + 'assets/vega-lite.min.js">',
        '<script src="' + (p === index ? '' : '../') + 'assets/vega-embed.min.js">',
        '<script src="' + (p === index ? '' : '../') + 'assets/rapport.js">',
      ]);
      const json = p.match(/<script type="application\/json" id="graphique-1-spec">([\s\S]*?)<\/script>/)![1]!;
      expect(JSON.parse(json)).toEqual(hostileChart);
      expect(p).toContain(`aria-label="${escapeHtml('</script><script>alert(3)</script>')}"`);
    }
    expect(page).toContain(`<h1>${escapeHtml(HOSTILE_NAME)}</h1>`);
    expect(page).toContain(`<li>${escapeHtml(HOSTILE_NOTE)}</li>`);
    expect(page).not.toContain('<img');
  });

  it('say so when there is no chart, no workbook and no enjeu, and load no script then', () => {
    const all = pages(siteInput({ ...model, enjeux: [] }));
    const index = all.get('index.html')!;
    expect(index).toContain(msg.html.noAgglomerationCharts);
    expect(index).toContain(msg.html.noWorkbooks);
    expect(index).not.toContain('<script');
    const page = all.get('quartiers/QN06205M.html')!;
    expect(page).toContain(msg.html.noQuartierCharts);
    expect(page).toContain(msg.html.enjeuxNone);
  });

  it('list the enjeux with the quartier’s latest value and its reading', () => {
    const withEnjeux: ReportModel = {
      ...model,
      enjeux: [
        { enjeu: 'Enjeu 1', enjeuLabel: 'Des quartiers attentifs aux habitants les plus fragiles', objective: 'Lutter contre la pauvreté', indicator: 'taux_pauvrete' },
        { enjeu: 'Enjeu 1', enjeuLabel: 'Des quartiers attentifs aux habitants les plus fragiles', objective: 'Lutter contre la pauvreté', indicator: 'indicateur_inconnu' },
      ],
    };
    const page = pages(siteInput(withEnjeux)).get('quartiers/QN06205M.html')!;
    expect(page).toContain('<h3>Enjeu 1 – Des quartiers attentifs aux habitants les plus fragiles</h3>');
    expect(page).toMatch(/<dt>Lutter contre la pauvreté<\/dt>\n<dd>Taux de pauvreté\u00a0: 40,2\u00a0% \(2022\) <span class="sens sens-defavorable">écart défavorable<\/span><\/dd>/);
    expect(page).toContain(`<dd>indicateur_inconnu\u00a0: ${msg.html.enjeuIndicatorMissing}</dd>`);
  });

  it('give every year of every indicator in the quartier table, and the headline readings on the index', () => {
    const all = pages(siteInput(model));
    const q = model.quartiers.find((x) => x.code === 'QN06205M')!;
    const table = all.get('quartiers/QN06205M.html')!.match(/<table class="indicateurs">[\s\S]*?<\/table>/)![0];
    expect(table.match(/<tr><th scope="row">/g)).toHaveLength(q.rows.length);
    expect(table).toContain('<td>2012</td><td class="nombre">42,9\u00a0%</td>');
    // Convergence of the gap and rank come from the measures, one cell each per row.
    expect(table).toContain(`<th scope="col">${msg.html.columnConvergence}</th><th scope="col">${msg.html.columnRank}</th>`);
    const ranked = q.rows.filter((r) => r.rang !== null);
    expect(ranked.length).toBeGreaterThan(0);
    expect(table.match(/<td>\d+(?:er|e) sur \d+<\/td>/g)).toHaveLength(ranked.length);
    const converging = q.rows.filter((r) => r.convergence);
    expect(table.match(/<td>(?:écart resserré|écart creusé|écart stable|indéterminé)<\/td>/g)?.length ?? 0).toBe(converging.length);
    const index = all.get('index.html')!;
    expect(index).toMatch(/<a href="quartiers\/QN06205M.html">Cités 5, de Marles et du Rond-Point<\/a>/);
    expect(index).toMatch(/40,2\u00a0% <span class="annee-autre">\(2022\)<\/span> <span class="sens sens-defavorable">écart défavorable<\/span>/);
  });

  it('are the same bytes for the same model; the run date changes one line of the index and nothing in the other pages', async () => {
    const a = pages(siteInput(model));
    expect(pages(siteInput(model))).toEqual(a);
    const later = pages(siteInput({ ...model, generatedAt: '2027-01-02T03:04:05.000Z' }));
    for (const [p, text] of a) {
      const before = text.split('\n');
      const after = later.get(p)!.split('\n');
      const changed = before.filter((line, i) => line !== after[i]);
      // Other pages are taken from the previous publication when nothing they show changed: no date on them.
      expect(changed, p).toEqual(p === 'index.html' ? [`<p class="date-du-rapport">${escapeHtml(msg.html.generated(FIXED_DATE, '0.0.0-test'))}</p>`] : []);
    }
    expect(msg.html.generated(FIXED_DATE, '1.2.3')).toBe('Rapport produit le 1er mars 2026 à 09 h 30 (UTC) par l’outil quartiers 1.2.3.');
    expect(msg.html.generated('2026-11-25T20:05:00Z', '1.2.3')).toBe('Rapport produit le 25 novembre 2026 à 20 h 05 (UTC) par l’outil quartiers 1.2.3.');
  });
});

describe('the html phase', () => {
  let out: OutputWriter;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'quartiers-html-'));
    out = await writeReportWithCharts(dir, model);
  });

  it('writes the index, one page per quartier, its assets, and copies the Vega libraries byte for byte', () => {
    const req = createRequire(import.meta.url);
    for (const [target, pkg] of [['vega.min.js', 'vega'], ['vega-lite.min.js', 'vega-lite'], ['vega-embed.min.js', 'vega-embed']] as const) {
      let pkgDir = path.dirname(req.resolve(pkg));
      while (path.basename(pkgDir) !== pkg) pkgDir = path.dirname(pkgDir);
      expect(readFileSync(path.join(dir, 'assets', target)).equals(readFileSync(path.join(pkgDir, 'build', target)))).toBe(true);
    }
    for (const p of ['index.html', 'quartiers/QN06205M.html', `quartiers/${HOSTILE_CODE}.html`, 'assets/rapport.css', 'assets/rapport.js']) expect(out.written.has(p)).toBe(true);
  });

  it('puts each chart on its own page and links only to files the run wrote', () => {
    for (const page of [...out.written.keys()].filter((p) => p.endsWith('.html'))) {
      const text = readFileSync(path.join(dir, page), 'utf8');
      expectAccessibleStructure(text);
      expect(text.match(/class="chart-view"/g)).toHaveLength(1);
      for (const [, href] of text.matchAll(/(?:href|src)="([^"#]+)"/g)) {
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(page), decodeURIComponent(href!)));
        expect(out.written.has(target), `${page} → ${href}`).toBe(true);
      }
    }
    const quartier = readFileSync(path.join(dir, 'quartiers/QN06205M.html'), 'utf8');
    expect(quartier).toContain('Taux de pauvreté – Cités 5, de Marles et du Rond-Point');
    expect(quartier).toContain('href="../graphiques/QN06205M/pauvrete.svg"');
    expect(quartier).toContain('href="../classeurs/Marles-les-Mines.xlsx"');
    expect(quartier).toContain('href="../portraits/QN06205M.md"');
    const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(index).toContain('Population des quartiers');
    expect(index).toContain('href="graphiques/population.png"');
    expect(index).toContain('href="classeurs/CABBALR.xlsx"');
  });
});

describe('a report of several agglomerations', () => {
  it('gives each agglomeration a page with its charts, linked from its quartiers and the index, and warns about none of them', async () => {
    // The second quartier moved to another agglomeration: two EPCI, each with its charts folder.
    const other = { code: '200000001', name: 'Autre agglomération', shortName: 'CAA' };
    const moved = model.quartiers.map((q, i) => (i === 1 && q.quartier ? { ...q, quartier: { ...q.quartier, epci: other } } : q));
    const twoEpci: ReportModel = { ...model, quartiers: moved };
    const dir = mkdtempSync(path.join(tmpdir(), 'quartiers-html-epci-'));
    const out = createOutputWriter(dir);
    const warnings: string[] = [];
    const effects = { ...quietEffects, log: { ...quietEffects.log, warn: (m: string) => warnings.push(m) } };
    const folders = groupByEpci(twoEpci).map((e) => [e, agglomerationChartDir(e.code, 2)] as const);
    for (const [e, folder] of folders) {
      await out.write(`${folder}/indices.vl.json`, JSON.stringify(tinyBarSpec(`Indices – ${e.name}`, `Indices des quartiers de ${e.name}`, [{ territoire: e.name, valeur: 1 }])));
      await out.write(`${folder}/indices.svg`, '<svg xmlns="http://www.w3.org/2000/svg"/>');
    }
    await out.write('graphiques/ailleurs/x.vl.json', JSON.stringify(tinyBarSpec('Ailleurs', '', [])));
    await htmlPhase.run(twoEpci, out, new Set(['html'] as const), effects);
    expect(warnings).toEqual([msg.warningPrefix + msg.html.unplacedChart('graphiques/ailleurs/x.vl.json')]);
    const index = readFileSync(path.join(dir, 'index.html'), 'utf8');
    expect(index).toContain(escapeHtml(msg.html.agglomerationPagesIntro));
    expect(index).not.toContain('class="chart-view"');
    for (const [e, folder] of folders) {
      const pagePath = `agglomerations/${folder.slice('graphiques/'.length)}.html`;
      expect(index).toContain(`href="${pagePath}"`);
      const agglo = readFileSync(path.join(dir, pagePath), 'utf8');
      expectAccessibleStructure(agglo);
      expect(agglo).toContain(escapeHtml(`Indices – ${e.name}`));
      expect(agglo).toContain(`href="../${folder}/indices.svg"`);
      expect(agglo.match(/class="chart-view"/g)).toHaveLength(1);
      for (const q of e.quartiers) {
        expect(agglo).toContain(`href="../quartiers/${safeFileName(q.code)}.html"`);
        const page = readFileSync(path.join(dir, `quartiers/${safeFileName(q.code)}.html`), 'utf8');
        expectAccessibleStructure(page);
        expect(page).toContain(escapeHtml(msg.html.agglomerationChartsOf(e.name)));
        expect(page).toContain(`href="../${pagePath}"`);
        // The quartier page links to its agglomeration's charts, it does not carry them.
        expect(page).not.toContain('Indices –');
      }
    }
    // Every link of every page leads to a file the run wrote.
    for (const p of [...out.written.keys()].filter((x) => x.endsWith('.html'))) {
      const text = readFileSync(path.join(dir, p), 'utf8');
      for (const [, href] of text.matchAll(/(?:href|src)="([^"#]+)"/g)) {
        expect(out.written.has(path.posix.normalize(path.posix.join(path.posix.dirname(p), decodeURIComponent(href!)))), `${p} → ${href}`).toBe(true);
      }
    }
    // A run without charts has no agglomeration page and says there is no chart.
    const bare = mkdtempSync(path.join(tmpdir(), 'quartiers-html-epci-'));
    const bareOut = createOutputWriter(bare);
    await htmlPhase.run(twoEpci, bareOut, new Set(['html'] as const), quietEffects);
    expect(readFileSync(path.join(bare, 'index.html'), 'utf8')).toContain(escapeHtml(msg.html.noAgglomerationCharts));
    expect([...bareOut.written.keys()].some((p) => p.startsWith('agglomerations/'))).toBe(false);
    expect(readFileSync(path.join(bare, `quartiers/${safeFileName(model.quartiers[0]!.code)}.html`), 'utf8')).not.toContain('graphiques-agglomeration');
  });
});

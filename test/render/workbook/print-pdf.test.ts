// The workbooks as a comité member prints them: LibreOffice converts each to
// PDF, poppler reads the PDF back. Every word at least 10 pt high (8 pt
// text), no two words overlapping, each chart placed once (never cut across
// two pages), no more pages per sheet than its content needs. The pages are
// kept as PNG in test/artefacts/classeurs-pdf/ to be looked at.

import { beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { planWorkbooks, type WorkbookPlan } from '../../../lib/render/workbook/plan.ts';
import { buildWorkbook, type ChartImage } from '../../../lib/render/workbook/build-workbook.ts';
import type { ReportModel } from '../../../lib/report/model.ts';
import { REPO } from '../../helpers/bundled.ts';
import { agglomerationModel, bundledModel, layout, readWorkbook, tinyPng } from './fixtures.ts';

const run = promisify(execFile);

async function has(bin: string, args: string[]): Promise<boolean> {
  try {
    await run(bin, args, { timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

const tools = (await has('soffice', ['--version'])) && (await has('pdftotext', ['-v']));
if (!tools) console.warn('LibreOffice ou poppler-utils absent : test d’impression des classeurs ignoré.');

const ARTEFACTS = path.join(REPO, 'test/artefacts/classeurs-pdf');

interface Word {
  page: number;
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function words(bboxHtml: string): { pages: number; words: Word[] } {
  const out: Word[] = [];
  let page = 0;
  for (const m of bboxHtml.matchAll(/<page [^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)) {
    if (m[0].startsWith('<page')) page++;
    else out.push({ page, text: m[5]!, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]) });
  }
  return { pages: page, words: out };
}

/**
 * Pairs of words of one page whose boxes overlap. A box is 1,3 × the font
 * size high and lines of a wrapped text are 1,17 × apart, so the boxes of two
 * lines touch by a tenth of their height: more than a quarter is text over text.
 */
function overlaps(list: Word[]): string[] {
  const found: string[] = [];
  const byPage = new Map<number, Word[]>();
  for (const w of list) byPage.set(w.page, [...(byPage.get(w.page) ?? []), w]);
  for (const [page, ws] of byPage) {
    const sorted = [...ws].sort((a, b) => a.x0 - b.x0);
    for (let i = 0; i < sorted.length; i++) {
      const a = sorted[i]!;
      for (let j = i + 1; j < sorted.length && sorted[j]!.x0 < a.x1 - 0.5; j++) {
        const b = sorted[j]!;
        if (Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0) > 0.25 * Math.min(a.y1 - a.y0, b.y1 - b.y0)) found.push(`page ${page}: « ${a.text} » et « ${b.text} »`);
      }
    }
  }
  return found;
}

const PRINTABLE = { portrait: [595.3, 841.9], landscape: [841.9, 595.3] } as const;

/**
 * How a sheet prints: its explicit scale, the width of its printed columns
 * at that scale (LibreOffice draws a column unit 7 pt wide here) against
 * the page's, and the pages its content needs: its rows' height at that
 * scale over a page's height, less the rows repeated at the top of each
 * page after the first.
 */
function printPlan(ws: import('exceljs').Worksheet) {
  const [w, h] = PRINTABLE[ws.pageSetup.orientation === 'landscape' ? 'landscape' : 'portrait'];
  const m = ws.pageSetup.margins!;
  const lastCol = ws.pageSetup.printArea!.split(':')[1]!.replace(/\d+$/, '');
  let units = 0;
  for (let c = 1; ws.getColumn(c).letter <= lastCol || ws.getColumn(c).letter.length < lastCol.length; c++) units += ws.getColumn(c).width ?? 9.14;
  const scale = ws.pageSetup.scale! / 100;
  const heightOf = (r: number) => ws.getRow(r).height ?? 15;
  let content = 0;
  for (let r = 1; r <= ws.rowCount; r++) content += heightOf(r);
  let repeated = 0;
  const [a, b] = (ws.pageSetup.printTitlesRow ?? '0:-1').split(':').map(Number);
  for (let r = a!; r <= b!; r++) repeated += heightOf(r);
  const page = (h - (m.top + m.bottom) * 72) / scale;
  return {
    scale,
    printable: w - (m.left + m.right) * 72,
    printedWidth: units * layout.unitPt * scale,
    needed: 1 + Math.ceil(Math.max(0, content - page) / (page - repeated)),
  };
}

async function printed(name: string, plan: WorkbookPlan, model: ReportModel, charts: Map<string, ChartImage[]>) {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'classeurs-pdf-'));
  const bytes = await buildWorkbook(plan, model, charts, { layout });
  const xlsx = path.join(dir, `${name}.xlsx`);
  await fs.writeFile(xlsx, bytes);
  await run('soffice', [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, xlsx], { timeout: 1_800_000 });
  const pdf = path.join(dir, `${name}.pdf`);
  const bbox = (await run('pdftotext', ['-bbox-layout', pdf, '-'], { maxBuffer: 512 * 1024 * 1024 })).stdout;
  const images = (await run('pdfimages', ['-list', pdf], { maxBuffer: 64 * 1024 * 1024 })).stdout.split('\n').slice(2).filter((l) => /^\s*\d+\s+\d+\s+image\b/.test(l));
  // The page footer names the sheet: which sheet each page belongs to.
  const text = (await run('pdftotext', ['-layout', pdf, '-'], { maxBuffer: 512 * 1024 * 1024 })).stdout.split('\f');
  const wb = await readWorkbook(bytes);
  const sheetOf = text.map((page) => {
    const foot = page.split('\n').filter((l) => l.trim()).at(-1) ?? '';
    const names = wb.worksheets.map((ws) => ws.name).filter((n) => foot.includes(n));
    return names.sort((a, b) => b.length - a.length)[0] ?? '?';
  });
  await fs.mkdir(path.join(ARTEFACTS, name), { recursive: true });
  await run('pdftoppm', ['-png', '-r', '50', '-l', '40', pdf, path.join(ARTEFACTS, name, 'page')], { timeout: 300_000 });
  await fs.rm(dir, { recursive: true, force: true });
  return { ...words(bbox), images, sheetOf, wb };
}

function chartsFor(plan: WorkbookPlan, perQuartier: number): Map<string, ChartImage[]> {
  // The sizes of the real charts (1 526 × 998 px: gaps; 1 319 × 1 767 px: trajectories).
  const sizes = [[1526, 998], [1319, 1767], [1200, 800]] as const;
  const pngs = sizes.map(([w, h]) => tinyPng(w, h));
  return new Map(plan.quartiers.map((q) => [q.code, Array.from({ length: perQuartier }, (_, k) => ({ file: `graphiques/${q.code}/c${k}.png`, png: pngs[k % pngs.length]!, title: `Graphique ${k + 1} du quartier ${q.name}`, description: 'Le quartier et son agglomération, année par année, avec la cible du contrat.' }))]));
}

describe.skipIf(!tools)('workbooks printed on A4', { timeout: 1_800_000 }, async () => {
  const bundled = await bundledModel();
  const cases: [string, WorkbookPlan, ReportModel, number][] = [
    ...planWorkbooks(bundled).plans.map((p) => [p.path.replace(/^.*\/|\.xlsx$/g, ''), p, bundled, 4] as [string, WorkbookPlan, ReportModel, number]),
  ];
  // The largest agglomeration of the bench set: LibreOffice takes 5 to 10 minutes
  // over its 1 000 pages on this shared machine, so it runs when asked for.
  if (process.env.QUARTIERS_IMPRESSION_130 === '1') {
    const large = await agglomerationModel(130);
    const largePlan = planWorkbooks(large).plans.find((p) => p.kind === 'agglomeration')!;
    cases.push(['agglomeration-130-quartiers', largePlan, large, 2]);
  }

  for (const [name, plan, model, perQuartier] of cases) {
    describe(name, () => {
      const charts = chartsFor(plan, perQuartier);
      let pdf: Awaited<ReturnType<typeof printed>>;
      beforeAll(async () => {
        pdf = await printed(name, plan, model, charts);
      }, 1_800_000);

      it('prints no text below 8 pt (word boxes of 10 pt at least)', () => {
        expect(pdf.words.length).toBeGreaterThan(100);
        const small = pdf.words.filter((w) => w.y1 - w.y0 < 10).map((w) => `page ${w.page}: « ${w.text} » ${(w.y1 - w.y0).toFixed(1)} pt`);
        expect(small.slice(0, 10)).toEqual([]);
      });

      it('prints no word over another', () => {
        expect(overlaps(pdf.words).slice(0, 10)).toEqual([]);
      });

      it('places each chart once: none is cut across two pages', () => {
        const placed = [...charts.values()].reduce((n, list) => n + list.length, 0);
        expect(pdf.images.length).toBe(placed);
      });

      it('prints each sheet at the scale that fits its width, on the pages its content needs, no more', () => {
        for (const ws of pdf.wb.worksheets) {
          const pages = pdf.sheetOf.filter((s) => s === ws.name).length;
          const plan = printPlan(ws);
          expect(plan.printedWidth, `${ws.name} : largeur imprimée`).toBeLessThanOrEqual(plan.printable);
          // Not smaller than it must be: one point of scale more would not fit (or it prints at 100 %).
          if (plan.scale < 1) expect(plan.printedWidth * (plan.scale + 0.01) / plan.scale, `${ws.name} : échelle`).toBeGreaterThan(plan.printable);
          expect(pages, ws.name).toBeGreaterThanOrEqual(1);
          // Blocks kept whole (a quartier's rows, a chart with its caption) leave room at the foot of some pages.
          expect(pages, `${ws.name} : ${pages} pages pour ${plan.needed} de contenu`).toBeLessThanOrEqual(Math.ceil(plan.needed * 1.25) + 1);
        }
      });
    });
  }
});

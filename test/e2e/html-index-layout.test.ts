// The index's table of quartiers in a real browser: every headline
// indicator in view at 1 366 px with no horizontal scroll, and printed on
// A4 landscape with nothing beyond the page's printable width.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser } from 'playwright-core';
import { runCli } from '../helpers/cli.ts';

const CHROMIUM = '/usr/bin/chromium';
const PDFTOTEXT = '/usr/bin/pdftotext';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** A4 landscape in PDF points, and the side margins of the report's landscape @page (10 mm). */
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };
const MARGIN_PT = (10 / 25.4) * 72;

if (!existsSync(CHROMIUM)) {
  describe('index table layout in a browser', () => {
    it.skip(`skipped: ${CHROMIUM} is absent (install Debian chromium; .ci/run does)`, () => {});
  });
} else {
  describe('index table layout in a browser', () => {
    let browser: Browser;
    let index: string;
    let tmp: string;

    beforeAll(async () => {
      tmp = mkdtempSync(path.join(tmpdir(), 'quartiers-layout-'));
      const out = path.join(tmp, 'reports');
      const run = await runCli(['run', '--out', out, '--formats', 'csv,html']);
      expect(run.code, run.stderr).toBe(0);
      index = pathToFileURL(path.join(out, 'index.html')).href;
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    });

    afterAll(async () => {
      await browser?.close();
    });

    it('shows every headline column at 1 366 px without a horizontal scroll', async () => {
      const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(index);
      const m = await page.evaluate(() => {
        const table = document.querySelector('table.quartiers')!;
        const region = table.closest('.table-scroll')!;
        const headers = Array.from(table.querySelectorAll('thead th')).map((th) => ({ text: th.textContent ?? '', right: th.getBoundingClientRect().right }));
        return { table: table.scrollWidth, region: region.clientWidth, page: document.documentElement.scrollWidth, viewport: window.innerWidth, headers };
      });
      // Five identity columns and the bundled sources' seven headline indicators.
      expect(m.headers.map((h) => h.text)).toEqual(expect.arrayContaining(['Taux de pauvreté', 'Part du parc social']));
      expect(m.headers.length).toBe(12);
      expect(m.table).toBeLessThanOrEqual(m.region);
      expect(m.page).toBeLessThanOrEqual(m.viewport);
      for (const h of m.headers) expect(h.right, h.text).toBeLessThanOrEqual(m.viewport);
      await page.close();
    });

    it('prints on A4 landscape with the whole table inside the printable width', async () => {
      const page = await browser.newPage();
      await page.goto(index);
      await page.emulateMedia({ media: 'print' });
      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
      await page.close();
      const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect(box).not.toBeNull();
      expect(Number(box![1])).toBeCloseTo(A4_LANDSCAPE.width, 0);
      expect(Number(box![2])).toBeCloseTo(A4_LANDSCAPE.height, 0);
      if (!existsSync(PDFTOTEXT)) return; // poppler-utils, installed by .ci/run
      const file = path.join(tmp, 'index.pdf');
      writeFileSync(file, pdf);
      const words = [...execFileSync(PDFTOTEXT, ['-bbox', file, '-'], { encoding: 'utf8' }).matchAll(/xMax="([\d.]+)"[^>]*>([^<]*)</g)].map((w) => ({ right: Number(w[1]), text: w[2]! }));
      // The last column's header is printed, and no word runs past the right margin.
      expect(words.map((w) => w.text)).toEqual(expect.arrayContaining(['parc', 'social']));
      const widest = Math.max(...words.map((w) => w.right));
      expect(widest).toBeLessThanOrEqual(A4_LANDSCAPE.width - MARGIN_PT + 0.5);
    });
  });
}

// The static report in a real browser (Debian chromium through
// playwright-core), opened from file:// with no server: no console error,
// no request leaving the file system, every chart drawn with marks,
// tooltips, working links, hostile names shown as text, a screenshot.

import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type Page } from 'playwright-core';
import { runCli } from '../helpers/cli.ts';
import { REPO } from '../helpers/bundled.ts';
import { HOSTILE_CODE, HOSTILE_NAME, HOSTILE_NOTE, hostileSources, modelOf, writeReportWithCharts } from '../render/html/report-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];
const ARTEFACTS = path.join(REPO, 'test/artefacts');
const LOCAL_SCHEMES = /^(?:file|data|blob|about):/;

interface Watched {
  page: Page;
  errors: string[];
  requests: string[];
  dialogs: string[];
}

if (!existsSync(CHROMIUM)) {
  describe('static HTML report in a browser', () => {
    it.skip(`skipped: ${CHROMIUM} is absent (install Debian chromium; .ci/run does)`, () => {});
  });
} else {
  describe('static HTML report in a browser', () => {
    let browser: Browser;
    let cliOut: string;
    let chartsOut: string;
    let watched: Watched;

    beforeAll(async () => {
      const sources = hostileSources();
      const tmp = mkdtempSync(path.join(tmpdir(), 'quartiers-e2e-'));
      cliOut = path.join(tmp, 'reports');
      chartsOut = path.join(tmp, 'with-charts');
      mkdirSync(ARTEFACTS, { recursive: true });
      const [run] = await Promise.all([
        runCli(['run', '--sources', sources, '--out', cliOut]),
        modelOf(sources).then((m) => writeReportWithCharts(chartsOut, m)),
      ]);
      expect(run.code, run.stderr).toBe(0);
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
      await context.route(/^(?!file:|data:|blob:|about:)/, (route) => route.abort());
      watched = { page: await context.newPage(), errors: [], requests: [], dialogs: [] };
      context.on('request', (r) => watched.requests.push(r.url()));
      watched.page.on('console', (m) => { if (m.type() === 'error') watched.errors.push(m.text()); });
      watched.page.on('pageerror', (e) => watched.errors.push(e.message));
      watched.page.on('dialog', (d) => { watched.dialogs.push(d.message()); void d.dismiss(); });
    });

    afterAll(async () => {
      await browser?.close();
    });

    /** One page for the whole suite (a browser context costs seconds here); the watch lists restart at each visit. */
    async function open(file: string): Promise<Watched> {
      watched.errors.length = 0;
      watched.requests.length = 0;
      watched.dialogs.length = 0;
      await watched.page.goto(pathToFileURL(file).href);
      await watched.page.waitForFunction(() => Array.from(document.querySelectorAll('.chart-view')).every((v) => v.hasAttribute('data-rendu')), null, { timeout: 15_000 });
      return watched;
    }

    function expectClean(w: Watched): void {
      expect(w.errors).toEqual([]);
      expect(w.dialogs).toEqual([]);
      expect(w.requests.filter((u) => !LOCAL_SCHEMES.test(u))).toEqual([]);
      expect(w.requests.length).toBeGreaterThan(0);
    }

    /** Every chart view rendered by vega-embed as an SVG holding data marks. */
    async function chartMarks(page: Page): Promise<{ state: string | null; marks: number }[]> {
      return page.$$eval('.chart-view', (views) => views.map((v) => ({ state: v.getAttribute('data-rendu'), marks: v.querySelectorAll('svg .role-mark > *').length })));
    }

    /** Hovers every data mark of the page and returns the tooltip's text each time it showed. */
    async function tooltipTexts(page: Page): Promise<string[]> {
      const texts: string[] = [];
      for (const mark of await page.$$('.chart-view svg .role-mark > path')) {
        await mark.hover();
        const tip = await page.waitForSelector('#vg-tooltip-element.visible', { timeout: 5_000 });
        texts.push((await tip.textContent()) ?? '');
        expect(await tip.$$('script, img')).toEqual([]);
        const tipContrast = await contrast(page, '#vg-tooltip-element');
        expect(tipContrast.checked).toBeGreaterThan(1);
        expect(tipContrast.low).toEqual([]);
        await page.mouse.move(0, 0);
      }
      return texts;
    }

    it('opens the published index from file:// with no console error, no network, and a working quartier link', async () => {
      const w = await open(path.join(cliOut, 'index.html'));
      expectClean(w);
      expect(await w.page.getAttribute('html', 'lang')).toBe('fr');
      // Whatever charts the run produced (none until the charts phase lands) are drawn with marks.
      for (const chart of await chartMarks(w.page)) {
        expect(chart.state).toBe('ok');
        expect(chart.marks).toBeGreaterThan(0);
      }
      await w.page.keyboard.press('Tab');
      expect(await w.page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
      await w.page.screenshot({ path: path.join(ARTEFACTS, 'html-index.png'), fullPage: true });

      const link = w.page.locator('table.quartiers a', { hasText: HOSTILE_NAME });
      await expect(link.count()).resolves.toBe(1);
      await link.click();
      await w.page.waitForURL(/\/quartiers\/QIC-62555-01\.html$/);
      expect(await w.page.textContent('h1')).toBe(HOSTILE_NAME);
      expect(await w.page.locator('main li', { hasText: 'onerror' }).textContent()).toBe(HOSTILE_NOTE);
      // The only scripts in the page body are the charts' inline JSON specs, which never run.
      expect(await w.page.locator('main img, main script:not([type="application/json"])').count()).toBe(0);
      expectClean(w);

      for (const page of ['QN06205M', HOSTILE_CODE]) {
        await open(path.join(cliOut, 'quartiers', `${page}.html`));
        for (const chart of await chartMarks(w.page)) {
          expect(chart.state).toBe('ok');
          expect(chart.marks).toBeGreaterThan(0);
        }
        await w.page.getByRole('link', { name: 'Tous les quartiers' }).click();
        await w.page.waitForURL(/\/index\.html$/);
        expectClean(w);
      }
    });

    it('draws every chart as an SVG with marks, shows French tooltips on hover, and keeps hostile names as text', async () => {
      const index = await open(path.join(chartsOut, 'index.html'));
      expect(await chartMarks(index.page)).toEqual([{ state: 'ok', marks: 2 }]);
      const aggloTips = await tooltipTexts(index.page);
      expect(aggloTips.some((t) => t.includes(HOSTILE_NAME))).toBe(true);
      expect(aggloTips.some((t) => t.includes('2\u202f000,0') || t.includes('2 000,0') || t.includes('2000,0'))).toBe(true);
      expectClean(index);

      for (const code of ['QN06205M', HOSTILE_CODE]) {
        const w = await open(path.join(chartsOut, 'quartiers', `${code}.html`));
        expect(await chartMarks(w.page)).toEqual([{ state: 'ok', marks: 2 }]);
        const label = await w.page.getAttribute('.chart-view', 'aria-label');
        expect(label).toContain('Taux de pauvreté de');
        const tips = await tooltipTexts(w.page);
        expect(tips).toHaveLength(2);
        expect(tips.some((t) => t.includes('40,2'))).toBe(true);
        if (code === HOSTILE_CODE) expect(tips.some((t) => t.includes(HOSTILE_NAME))).toBe(true);
        if (code === 'QN06205M') await w.page.screenshot({ path: path.join(ARTEFACTS, 'html-quartier.png'), fullPage: true });
        expectClean(w);
        }
    });

    it('prints a quartier on A4 without navigation, charts within the page width', async () => {
      const w = await open(path.join(chartsOut, 'quartiers/QN06205M.html'));
      await w.page.emulateMedia({ media: 'print' });
      expect(await w.page.$eval('nav.fil', (n) => getComputedStyle(n).display)).toBe('none');
      expect(await w.page.$eval('.skip-link', (n) => getComputedStyle(n).display)).toBe('none');
      // A4 (210 mm) minus 2 × 12 mm margins, at 96 px per inch.
      await w.page.setViewportSize({ width: Math.floor(((210 - 24) / 25.4) * 96), height: 1000 });
      const svgWidth = await w.page.$eval('.chart-view svg', (s) => s.getBoundingClientRect().width);
      expect(svgWidth).toBeGreaterThan(0);
      expect(svgWidth).toBeLessThanOrEqual(((210 - 24) / 25.4) * 96);
      await w.page.pdf({ path: path.join(ARTEFACTS, 'html-quartier.pdf'), format: 'A4', preferCSSPageSize: true });
      expectClean(w);
      await w.page.emulateMedia({ media: 'screen' });
      await w.page.setViewportSize({ width: 1280, height: 900 });
    });

    it('keeps text contrast at 4.5:1 or more against its background', async () => {
      const w = await open(path.join(chartsOut, 'quartiers/QN06205M.html'));
      const { checked, low } = await contrast(w.page, 'body');
      expect(checked).toBeGreaterThan(50);
      expect(low).toEqual([]);
    });
  });
}

/** Text elements under `root` whose colour contrasts less than 4.5:1 with their background (WCAG 2 formula). */
async function contrast(page: Page, root: string): Promise<{ checked: number; low: string[] }> {
  return page.$eval(root, (top) => {
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const f = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r!) + 0.7152 * f(g!) + 0.0722 * f(b!);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const low: string[] = [];
    let checked = 0;
    for (const el of [top, ...Array.from(top.querySelectorAll('*'))]) {
      const style = getComputedStyle(el);
      if (!(el instanceof HTMLElement) || !el.getClientRects().length || style.visibility === 'hidden') continue;
      if (!Array.from(el.childNodes).some((n) => n.nodeType === 3 && n.textContent!.trim())) continue;
      checked++;
      const a = lum(rgb(style.color));
      const b = lum(background(el));
      const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (ratio < 4.5) low.push(`${el.tagName}.${el.className} « ${el.textContent!.trim().slice(0, 30)} »: ${ratio.toFixed(2)}`);
    }
    return { checked, low };
  });
}

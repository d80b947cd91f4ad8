// The static HTML report: reads the chart specs the earlier phases wrote,
// renders the pages, and copies the Vega libraries beside them so that the
// report opens from the file system with no network.

import { promises as fs } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ReportChart } from '../../lib/render/html/chart-figure.ts';
import { VENDOR_SCRIPTS } from '../../lib/render/html/assets.ts';
import { classifyReportFiles } from '../../lib/render/html/report-files.ts';
import { renderAgglomerationPage, renderIndexPage, renderQuartierPage, SITE_ASSETS } from '../../lib/render/html/site.ts';
import { msg } from '../../lib/messages/index.ts';
import type { OutputPhase } from './phase.ts';
import { agglomerationPageMadeFrom, quartierPageMadeFrom } from './page-keys.ts';
import { safeFileName } from '../../lib/text/safe-file-name.ts';
import { agglomerationChartDir, groupByEpci } from '../../lib/render/charts/chart-plan.ts';

const require = createRequire(import.meta.url);

/** Where each copied library comes from: the package's own minified browser build. */
const VENDOR_SOURCES: Record<(typeof VENDOR_SCRIPTS)[number], string> = {
  'assets/vega.min.js': 'vega/build/vega.min.js',
  'assets/vega-lite.min.js': 'vega-lite/build/vega-lite.min.js',
  'assets/vega-embed.min.js': 'vega-embed/build/vega-embed.min.js',
};

/** A file inside an installed package, found through the package's entry point (its `exports` hide `build/`). */
function packageFile(spec: string): string {
  const [pkg, ...rest] = spec.split('/');
  let dir = path.dirname(require.resolve(pkg!));
  while (path.basename(dir) !== pkg && dir !== path.dirname(dir)) dir = path.dirname(dir);
  return path.join(dir, ...rest);
}

export const htmlPhase: OutputPhase = {
  name: 'html',
  formats: ['html'],
  async run(model, out, _formats, effects) {
    const codeOfFileName = new Map(model.quartiers.map((q) => [safeFileName(q.code), q.code]));
    // With several agglomerations, each has its charts folder (and its page, below).
    const epcis = groupByEpci(model);
    const folderOf = new Map(epcis.length > 1 ? epcis.map((e) => [e, agglomerationChartDir(e.code, epcis.length).slice('graphiques/'.length)] as const) : []);
    const { charts: refs, unplacedCharts, ...files } = classifyReportFiles(out.written.keys(), codeOfFileName, new Set(folderOf.values()));
    for (const p of unplacedCharts) effects.log.warn(msg.warningPrefix + msg.html.unplacedChart(p), { event: 'avertissement', code: 'graphique_sans_quartier' });
    // One page at a time, with the specs of its own charts only: a national
    // report holding every spec and every page at once took gigabytes.
    // Charts by page: a quartier's code, an agglomeration's folder under its own key, null for the index.
    const agglomerationKey = (folder: string) => `agglomeration:${folder}`;
    const refsOf = new Map<string | null, typeof refs>();
    for (const ref of refs) {
      const key = ref.quartier ?? (ref.agglomeration === null ? null : agglomerationKey(ref.agglomeration));
      const list = refsOf.get(key);
      if (list) list.push(ref);
      else refsOf.set(key, [ref]);
    }
    const chartsOf = async (key: string | null): Promise<ReportChart[]> => {
      const charts: ReportChart[] = [];
      for (const ref of refsOf.get(key) ?? []) {
        effects.checkpoint();
        charts.push({ ...ref, spec: JSON.parse((await out.read(ref.specPath)).toString('utf8')) as unknown });
      }
      return charts;
    };
    // In a report of several agglomerations, each one with charts has its page.
    const agglomerations: { path: string; name: string; key: string; quartiers: typeof model.quartiers }[] = [];
    const pageOf = new Map<string, { path: string; name: string }>();
    for (const [e, folder] of folderOf) {
      const key = agglomerationKey(folder);
      if (!refsOf.has(key)) continue;
      const a = { path: `agglomerations/${folder}.html`, name: e.name || e.shortName || e.code, key, quartiers: e.quartiers };
      agglomerations.push(a);
      for (const q of e.quartiers) pageOf.set(q.code, a);
    }
    effects.planned?.(1 + model.quartiers.length + agglomerations.length + SITE_ASSETS.length + VENDOR_SCRIPTS.length);
    const site = { model, files, quartierPage: (code: string) => `quartiers/${safeFileName(code)}.html`, agglomerationPage: (code: string) => pageOf.get(code) ?? null };
    let count = 0;
    const write = async (p: string, content: string | Uint8Array, key?: string) => {
      effects.checkpoint();
      await out.write(p, content, key);
      count++;
    };
    // A page whose key did not change is taken from the previous publication (see page-keys.ts).
    const reused = async (p: string, key: string) => {
      effects.checkpoint();
      const taken = await out.reuse(p, key);
      if (taken) count++;
      return taken;
    };
    await write('index.html', renderIndexPage({ ...site, charts: await chartsOf(null) }));
    for (const q of model.quartiers) {
      const p = site.quartierPage(q.code);
      const key = out.keyOf(quartierPageMadeFrom(site, q, refsOf.get(q.code) ?? [], out.written));
      if (!(await reused(p, key))) await write(p, renderQuartierPage({ ...site, charts: await chartsOf(q.code) }, q), key);
    }
    for (const a of agglomerations) {
      const key = out.keyOf(agglomerationPageMadeFrom(site, a, refsOf.get(a.key) ?? [], out.written));
      if (await reused(a.path, key)) continue;
      const charts = await chartsOf(a.key);
      await write(a.path, renderAgglomerationPage({ ...site, charts }, { path: a.path, name: a.name, quartiers: a.quartiers, charts }), key);
    }
    for (const f of SITE_ASSETS) await write(f.path, f.content);
    for (const target of VENDOR_SCRIPTS) await write(target, await fs.readFile(packageFile(VENDOR_SOURCES[target])));
    return { count };
  },
};

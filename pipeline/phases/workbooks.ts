// Writes the workbooks of the comité de pilotage (`classeurs/*.xlsx`),
// embedding the PNG charts that earlier phases wrote for each quartier.

import path from 'node:path';
import { planWorkbooks, type WorkbookPlan } from '../../lib/render/workbook/plan.ts';
import { groupByEpci, quartierChartDir } from '../../lib/render/charts/chart-plan.ts';
import type { ReportModel } from '../../lib/report/model.ts';
import { documentDate, type ChartImage } from '../../lib/render/workbook/build-workbook.ts';
import { chartCaption } from '../../lib/render/workbook/chart-caption.ts';
import { msg } from '../../lib/messages/index.ts';
import type { OutputWriter } from '../output-writer.ts';
import type { OutputPhase } from './phase.ts';
import { pinZipDates, sourceDateEpoch } from '../zip-dates.ts';
import { loadChartFonts } from '../fonts.ts';
import { workbookMadeFrom } from './workbook-key.ts';

/** Where « Données » links to the full tidy table, from `classeurs/`. */
const FULL_TABLE_LINK = '../indicateurs.csv';

export const workbooksPhase: OutputPhase = {
  name: 'classeurs',
  formats: ['xlsx'],
  // Built while the charts are drawn: each workbook waits only for its own quartiers' charts.
  alongside: 'graphiques',
  async run(model, out, formats, effects) {
    // exceljs is loaded only by runs that write workbooks.
    const { buildWorkbook } = await import('../../lib/render/workbook/build-workbook.ts');
    const { createTextLayout } = await import('../../lib/render/workbook/text-layout.ts');
    const fonts = loadChartFonts();
    const layout = createTextLayout({ regular: fonts.regular.bytes, bold: fonts.bold.bytes });
    pinZipDates(sourceDateEpoch(process.env) ?? documentDate(model));
    const fullTable = formats.has('csv') ? FULL_TABLE_LINK : null;
    const { plans, outsideRegistry } = planWorkbooks(model);
    effects.planned?.(plans.length);
    if (outsideRegistry.length) effects.log.warn(msg.warningPrefix + msg.workbooksOutsideRegistry(outsideRegistry), { event: 'avertissement', code: 'classeur_hors_referentiel' });
    const warned = new Set<string>();
    const images = chartImageReader(out, (m) => {
      if (!warned.has(m)) effects.log.warn(msg.warningPrefix + m, { event: 'avertissement', code: 'legende_graphique' });
      warned.add(m);
    });
    for (const plan of inChartOrder(plans, model)) {
      effects.checkpoint();
      const folders = plan.quartiers.map((q) => quartierChartDir(q.code));
      const fresh = effects.charts ? await effects.charts.ready(folders) : new Map<string, string[]>();
      effects.checkpoint();
      // The link to indicateurs.csv depends on the formats asked for, not on the model.
      const key = out.keyOf(`${workbookMadeFrom(plan, model, folders, out.written)}\nfullTable=${fullTable}`);
      if (await out.reuse(plan.path, key)) continue;
      // PNG bytes only for the workbook being built: every chart of a national run held at once was gigabytes.
      const charts = new Map<string, ChartImage[]>();
      for (const q of plan.quartiers) {
        const folder = quartierChartDir(q.code);
        charts.set(q.code, await images(folder, fresh.get(folder) ?? []));
      }
      await out.write(plan.path, await buildWorkbook(plan, model, charts, { layout, fullTable }), key);
    }
    return { count: plans.length };
  },
};

type ChartCaption = Omit<ChartImage, 'png'>;

/**
 * The workbooks in the order their charts get drawn (agglomeration by
 * agglomeration, as planCharts goes): a workbook waits for its last
 * quartier's charts, so taking them in that order keeps the two phases
 * in step.
 */
export function inChartOrder(plans: WorkbookPlan[], model: ReportModel): WorkbookPlan[] {
  const position = new Map(groupByEpci(model).flatMap((e) => e.quartiers).map((q, i) => [q.code, i]));
  const last = (p: WorkbookPlan) => Math.max(-1, ...p.quartiers.map((q) => position.get(q.code) ?? Number.MAX_SAFE_INTEGER));
  return plans.map((p, i) => ({ p, i, at: last(p) })).sort((a, b) => a.at - b.at || a.i - b.i).map((x) => x.p);
}

/**
 * The PNGs of a quartier's folder, sorted by file, captioned from their
 * `.vl.json`, with their bytes: those written before this phase started
 * (the map) and those the charts phase reports as written since. Captions
 * are read once per chart (a quartier is in a commune's workbook and in its
 * agglomeration's).
 */
export function chartImageReader(out: OutputWriter, warn: (message: string) => void): (folder: string, fresh: readonly string[]) => Promise<ChartImage[]> {
  const before = new Map<string, string[]>();
  for (const file of out.written.keys()) {
    const m = /^(graphiques\/[^/]+)\/[^/]+\.png$/.exec(file);
    if (m) before.set(m[1]!, [...(before.get(m[1]!) ?? []), file]);
  }
  const captions = new Map<string, ChartCaption>();
  const captionOf = async (file: string): Promise<ChartCaption> => {
    const known = captions.get(file);
    if (known) return known;
    const specFile = file.replace(/\.png$/, '.vl.json');
    let caption: ChartCaption = { file, title: path.posix.basename(file, '.png'), description: '' };
    if (out.written.has(specFile)) {
      try {
        const c = chartCaption((await out.read(specFile)).toString('utf8'));
        caption = { file, title: c.title || caption.title, description: c.description };
      } catch {
        warn(msg.chartCaptionUnreadable(specFile));
      }
    }
    captions.set(file, caption);
    return caption;
  };
  return async (folder, fresh) => {
    const files = [...new Set([...(before.get(folder) ?? []), ...fresh])].sort();
    const list: ChartImage[] = [];
    for (const file of files) list.push({ ...(await captionOf(file)), png: await out.read(file) });
    return list;
  };
}

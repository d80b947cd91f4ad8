// Writes the workbooks of the comité de pilotage (`classeurs/*.xlsx`),
// embedding the PNG charts that earlier phases wrote for each quartier.

import path from 'node:path';
import { planWorkbooks } from '../../lib/render/workbook/plan.ts';
import type { ChartImage } from '../../lib/render/workbook/build-workbook.ts';
import { chartCaption } from '../../lib/render/workbook/chart-caption.ts';
import { msg } from '../../lib/messages/index.ts';
import type { OutputWriter } from '../output-writer.ts';
import type { OutputPhase } from './phase.ts';
import { safeFileName } from './portraits.ts';

export const workbooksPhase: OutputPhase = {
  name: 'classeurs',
  formats: ['xlsx'],
  async run(model, out, _formats, effects) {
    // exceljs is loaded only by runs that write workbooks.
    const { buildWorkbook } = await import('../../lib/render/workbook/build-workbook.ts');
    const { plans, outsideRegistry } = planWorkbooks(model);
    if (outsideRegistry.length) effects.log.warn(msg.warningPrefix + msg.workbooksOutsideRegistry(outsideRegistry), { event: 'avertissement', code: 'classeur_hors_referentiel' });
    // Captions once for the run, PNG bytes only for the workbook being built:
    // every chart of a national run held at once was gigabytes.
    const warned = new Set<string>();
    const captions = await readChartCaptions(out, (m) => {
      if (!warned.has(m)) effects.log.warn(msg.warningPrefix + m, { event: 'avertissement', code: 'legende_graphique' });
      warned.add(m);
    });
    for (const plan of plans) {
      effects.checkpoint();
      const charts = await readCharts(plan.quartiers.map((q) => q.code), out, captions);
      await out.write(plan.path, await buildWorkbook(plan, model, charts));
    }
    return { count: plans.length };
  },
};

type ChartCaption = Omit<ChartImage, 'png'>;

/** Every `graphiques/<code>/*.png` written by this run, captioned from its `.vl.json`, by quartier folder (sorted by file). */
export async function readChartCaptions(out: OutputWriter, warn: (message: string) => void): Promise<Map<string, ChartCaption[]>> {
  const byFolder = new Map<string, ChartCaption[]>();
  for (const file of [...out.written.keys()].sort()) {
    const m = /^graphiques\/([^/]+)\/[^/]+\.png$/.exec(file);
    if (!m) continue;
    const specFile = file.replace(/\.png$/, '.vl.json');
    let caption = { title: path.posix.basename(file, '.png'), description: '' };
    if (out.written.has(specFile)) {
      try {
        const c = chartCaption((await out.read(specFile)).toString('utf8'));
        caption = { title: c.title || caption.title, description: c.description };
      } catch {
        warn(msg.chartCaptionUnreadable(specFile));
      }
    }
    const list = byFolder.get(m[1]!) ?? [];
    list.push({ file, ...caption });
    byFolder.set(m[1]!, list);
  }
  return byFolder;
}

/** The charts of these quartiers, with their PNG bytes. */
export async function readCharts(codes: string[], out: OutputWriter, captions: ReadonlyMap<string, ChartCaption[]>): Promise<Map<string, ChartImage[]>> {
  const charts = new Map<string, ChartImage[]>();
  for (const code of codes) {
    const list: ChartImage[] = [];
    for (const c of captions.get(safeFileName(code)) ?? []) list.push({ ...c, png: await out.read(c.file) });
    charts.set(code, list);
  }
  return charts;
}

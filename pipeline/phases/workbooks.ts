// Writes the workbooks of the comité de pilotage (`classeurs/*.xlsx`),
// embedding the PNG charts that earlier phases wrote for each quartier.

import path from 'node:path';
import { planWorkbooks } from '../../lib/render/workbook/plan.ts';
import { buildWorkbook, type ChartImage } from '../../lib/render/workbook/build-workbook.ts';
import { chartCaption } from '../../lib/render/workbook/chart-caption.ts';
import { msg } from '../../lib/messages/index.ts';
import type { OutputWriter } from '../output-writer.ts';
import type { OutputPhase } from './phase.ts';
import { safeFileName } from './portraits.ts';

export const workbooksPhase: OutputPhase = {
  name: 'classeurs',
  formats: ['xlsx'],
  async run(model, out, _formats, effects) {
    const { plans, outsideRegistry } = planWorkbooks(model);
    if (outsideRegistry.length) effects.log.warn(msg.warningPrefix + msg.workbooksOutsideRegistry(outsideRegistry), { event: 'avertissement', code: 'classeur_hors_referentiel' });
    const charts = await readCharts(model.quartiers.map((q) => q.code), out, (m) => effects.log.warn(msg.warningPrefix + m, { event: 'avertissement', code: 'legende_graphique' }));
    for (const plan of plans) {
      effects.checkpoint();
      await out.write(plan.path, await buildWorkbook(plan, model, charts));
    }
    return { count: plans.length };
  },
};

/** Every `graphiques/<code>/*.png` written by this run, captioned from its `.vl.json`, by quartier. */
export async function readCharts(codes: string[], out: OutputWriter, warn: (message: string) => void): Promise<Map<string, ChartImage[]>> {
  const written = [...out.written.keys()].sort();
  const charts = new Map<string, ChartImage[]>();
  for (const code of codes) {
    const prefix = `graphiques/${safeFileName(code)}/`;
    const list: ChartImage[] = [];
    for (const file of written) {
      if (!file.startsWith(prefix) || !file.endsWith('.png') || file.slice(prefix.length).includes('/')) continue;
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
      list.push({ file, png: await out.read(file), ...caption });
    }
    charts.set(code, list);
  }
  return charts;
}

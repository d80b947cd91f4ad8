// The phase: plans the workbooks, takes the charts earlier phases wrote,
// writes `classeurs/*.xlsx` through the output writer.

import { afterAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOutputWriter } from '../../../pipeline/output-writer.ts';
import { workbooksPhase } from '../../../pipeline/phases/workbooks.ts';
import { createChartReadiness } from '../../../pipeline/chart-readiness.ts';
import type { Logger } from '../../../pipeline/log.ts';
import { msg } from '../../../lib/messages/index.ts';
import { bundledModel, readWorkbook, tinyPng } from './fixtures.ts';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info() {}, error() {}, event() {}, warn: (text) => warnings.push(text) };
}

describe('workbooks phase', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'classeurs-phase-'));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));

  it('embeds the quartier’s charts captioned from their specs, and maps without a spec', async () => {
    const out = createOutputWriter(dir);
    await out.write('graphiques/QN06205M/pauvrete.png', tinyPng(200, 100));
    await out.write('graphiques/QN06205M/pauvrete.vl.json', JSON.stringify({ title: { text: 'Taux de pauvreté', subtitle: '2012-2022' }, description: 'Quartier et agglomération' }));
    await out.write('graphiques/QN06205M/carte.png', tinyPng(100, 100));
    await out.write('graphiques/QN06205M/casse.png', tinyPng(100, 50));
    await out.write('graphiques/QN06205M/casse.vl.json', '{ pas du json');
    await out.write('graphiques/QN06205M/casse.svg', '<svg/>');
    await out.write('graphiques/synthese.png', tinyPng(100, 50));
    const log = recordingLogger();
    const model = await bundledModel();
    const { count } = await workbooksPhase.run(model, out, new Set(['xlsx']), { log, clock: () => 0, checkpoint: () => {} });
    expect(count).toBe(2);
    expect([...out.written.keys()].filter((f) => f.startsWith('classeurs/')).sort()).toEqual(['classeurs/agglomeration-cabbalr.xlsx', 'classeurs/convention-marles-les-mines.xlsx']);
    expect(log.warnings).toEqual([msg.warningPrefix + msg.chartCaptionUnreadable('graphiques/QN06205M/casse.vl.json')]);
    const wb = await readWorkbook(await out.read('classeurs/convention-marles-les-mines.xlsx'));
    const ws = wb.getWorksheet('QN06205M Cités 5')!;
    expect(ws.getImages()).toHaveLength(3);
    const texts: unknown[] = [];
    ws.eachRow((row) => texts.push(row.getCell(1).value));
    // Sorted by file name: carte, casse, pauvrete.
    const i = texts.indexOf('carte');
    expect(i).toBeGreaterThan(0);
    expect(texts.indexOf('casse')).toBeGreaterThan(i);
    expect(texts).toContain('Taux de pauvreté – 2012-2022');
    expect(texts).toContain('Quartier et agglomération');
    expect(wb.getWorksheet('QIC-62555-01 Cité de Marles')!.getImages()).toHaveLength(0);
  });

  it('warns once about quartiers absent from the registry', async () => {
    const model = await bundledModel();
    const stray = { ...model.quartiers[1]!, code: 'QN99999Z', quartier: undefined, name: 'Hors registre', rows: model.quartiers[1]!.rows.map((r) => ({ ...r, quartier_code: 'QN99999Z' })) };
    const log = recordingLogger();
    const out = createOutputWriter(path.join(dir, 'b'));
    await workbooksPhase.run({ ...model, quartiers: [...model.quartiers, stray] }, out, new Set(['xlsx']), { log, clock: () => 0, checkpoint: () => {} });
    expect(log.warnings).toEqual([msg.warningPrefix + msg.workbooksOutsideRegistry(['QN99999Z'])]);
    expect(out.written.has('classeurs/hors-referentiel.xlsx')).toBe(true);
  });

  it('alongside the charts: waits for each quartier’s charts and gives the bytes of a run after them', async () => {
    const model = await bundledModel();
    const charts = [
      ['graphiques/QN06205M/ecarts', tinyPng(120, 60)],
      ['graphiques/QN06205M/trajectoires', tinyPng(60, 120)],
      ['graphiques/QIC-62555-01/ecarts', tinyPng(80, 80)],
    ] as const;
    const before = createOutputWriter(path.join(dir, 'apres'));
    await before.write('graphiques/QN06205M/carte.png', tinyPng(90, 90));
    for (const [p, png] of charts) await before.write(`${p}.png`, png);
    await workbooksPhase.run(model, before, new Set(['xlsx']), { log: recordingLogger(), clock: () => 0, checkpoint: () => {} });

    const along = createOutputWriter(path.join(dir, 'ensemble'));
    await along.write('graphiques/QN06205M/carte.png', tinyPng(90, 90)); // the maps phase runs before both
    const readiness = createChartReadiness();
    const phase = workbooksPhase.run(model, along, new Set(['xlsx']), { log: recordingLogger(), clock: () => 0, checkpoint: () => {}, charts: readiness });
    readiness.plan(charts.map(([p]) => p.slice(0, p.lastIndexOf('/'))));
    for (const [p, png] of charts) {
      await new Promise((r) => setTimeout(r, 5));
      expect(along.written.has('classeurs/convention-marles-les-mines.xlsx')).toBe(false);
      await along.write(`${p}.png`, png);
      readiness.written(p.slice(0, p.lastIndexOf('/')), [`${p}.png`]);
    }
    readiness.end();
    await phase;
    for (const f of ['classeurs/convention-marles-les-mines.xlsx', 'classeurs/agglomeration-cabbalr.xlsx']) {
      expect(Buffer.compare(await along.read(f), await before.read(f)), f).toBe(0);
    }
    const wb = await readWorkbook(await along.read('classeurs/convention-marles-les-mines.xlsx'));
    expect(wb.getWorksheet('QN06205M Cités 5')!.getImages()).toHaveLength(3);
  });

  it('alongside failing charts: fails with the charts’ error, writes no workbook', async () => {
    const model = await bundledModel();
    const out = createOutputWriter(path.join(dir, 'echec'));
    const readiness = createChartReadiness();
    const phase = workbooksPhase.run(model, out, new Set(['xlsx']), { log: recordingLogger(), clock: () => 0, checkpoint: () => {}, charts: readiness });
    readiness.plan(['graphiques/QN06205M']);
    const boom = new Error('rendu impossible');
    readiness.end(boom);
    await expect(phase).rejects.toBe(boom);
    expect([...out.written.keys()].filter((f) => f.startsWith('classeurs/'))).toEqual([]);
  });
});

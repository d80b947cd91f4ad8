// The phase: plans the workbooks, takes the charts earlier phases wrote,
// writes `classeurs/*.xlsx` through the output writer.

import { afterAll, describe, expect, it } from 'vitest';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createOutputWriter } from '../../../pipeline/output-writer.ts';
import { workbooksPhase } from '../../../pipeline/phases/workbooks.ts';
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
    const ws = wb.getWorksheet('Cités 5, de Marles et du Rond-P')!;
    expect(ws.getImages()).toHaveLength(3);
    const texts: unknown[] = [];
    ws.eachRow((row) => texts.push(row.getCell(1).value));
    // Sorted by file name: carte, casse, pauvrete.
    const i = texts.indexOf('carte');
    expect(i).toBeGreaterThan(0);
    expect(texts.indexOf('casse')).toBeGreaterThan(i);
    expect(texts).toContain('Taux de pauvreté – 2012-2022');
    expect(texts).toContain('Quartier et agglomération');
    expect(wb.getWorksheet('Cité de Marles – Gambetta')!.getImages()).toHaveLength(0);
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
});

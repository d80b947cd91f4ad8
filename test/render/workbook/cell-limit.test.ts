// Cells over Excel's 32 767 characters are cut with a marker, in every sheet.

import { describe, expect, it } from 'vitest';
import { planWorkbooks } from '../../../lib/render/workbook/plan.ts';
import { buildWorkbook, type ChartImage } from '../../../lib/render/workbook/build-workbook.ts';
import { EXCEL_CELL_MAX, fitExcelText } from '../../../lib/render/workbook/cell-limit.ts';
import { msg } from '../../../lib/messages/index.ts';
import { buildReportModel } from '../../../lib/report/model.ts';
import { bundledModel, layout, readWorkbook, sheetValues } from './fixtures.ts';

describe('Excel’s limit of 32 767 characters a cell', () => {
  it('cuts longer text with a marker giving the source length, never half a surrogate pair', () => {
    expect(fitExcelText('court')).toBe('court');
    const long = 'a'.repeat(40_000);
    const fitted = fitExcelText(long);
    expect(fitted.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
    expect(fitted.endsWith(msg.cellTruncated(40_000))).toBe(true);
    const emoji = '😀'.repeat(20_000);
    const cut = fitExcelText(emoji);
    expect(cut.length).toBeLessThanOrEqual(EXCEL_CELL_MAX);
    expect(cut.replace(msg.cellTruncated(40_000), '')).toMatch(/^(?:😀)+$/u);
  });

  it('a 5 MB source text opens in Excel: every cell of the workbook within the limit', async () => {
    const base = await bundledModel();
    const huge = 'Texte très long. '.repeat(300_000);
    const rows = base.rows.map((r) => ({ ...r, source: r.indicateur === 'population' ? huge : r.source }));
    const sources = { registry: base.registry, catalogue: base.catalogue, notes: [...base.notes, { quartier: base.quartiers[0]!.code, section: 'irritant' as const, order: 99, text: huge }], enjeux: [], targets: [], files: base.files, warnings: [], figures: [], schools: [], schoolLinks: [] };
    const model = buildReportModel({ sources: sources as never, rows, year: 2024, generatedAt: base.generatedAt, toolVersion: base.toolVersion });
    const plan = planWorkbooks(model).plans[0]!;
    const wb = await readWorkbook(await buildWorkbook(plan, model, new Map<string, ChartImage[]>(), { layout }));
    let cut = 0;
    for (const ws of wb.worksheets) {
      for (const v of sheetValues(ws).flat()) {
        if (typeof v !== 'string') continue;
        expect(v.length, ws.name).toBeLessThanOrEqual(EXCEL_CELL_MAX);
        if (v.endsWith(msg.cellTruncated(huge.length))) cut++;
      }
    }
    expect(cut).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

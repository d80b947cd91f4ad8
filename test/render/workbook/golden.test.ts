// The convention's workbook read back, cell by cell (value and number
// format), against a golden dump: any change of content shows as a diff.

import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { planWorkbooks } from '../../../lib/render/workbook/plan.ts';
import { buildWorkbook } from '../../../lib/render/workbook/build-workbook.ts';
import { expectGolden } from '../../helpers/golden.ts';
import { bundledModel, readWorkbook } from './fixtures.ts';

function dump(wb: ExcelJS.Workbook): string {
  const lines: string[] = [];
  for (const ws of wb.worksheets) {
    lines.push(`## ${ws.name}`);
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value;
        if (v === null || v === undefined) return;
        const fmt = cell.numFmt ? `\t[${cell.numFmt}]` : '';
        lines.push(`${cell.address}\t${typeof v === 'number' ? `#${v}` : JSON.stringify(v)}${fmt}`);
      });
    });
  }
  return lines.join('\n') + '\n';
}

describe('golden workbook', () => {
  it('the convention of Marles-les-Mines, as read back', async () => {
    const model = await bundledModel();
    const plan = planWorkbooks(model).plans[0]!;
    const actual = dump(await readWorkbook(await buildWorkbook(plan, model, new Map())));
    expectGolden('workbook/convention-marles-les-mines/contents.txt', actual);
  });
});

// The convention's workbook read back, cell by cell (value and number
// format), against a golden dump: any change of content shows as a diff.

import { describe, expect, it } from 'vitest';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type ExcelJS from 'exceljs';
import { planWorkbooks } from '../../../lib/render/workbook/plan.ts';
import { buildWorkbook } from '../../../lib/render/workbook/build-workbook.ts';
import { REPO } from '../../helpers/bundled.ts';
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
    const dir = path.join(REPO, 'test/golden/workbook/convention-marles-les-mines');
    const file = path.join(dir, 'contents.txt');
    if (!existsSync(file)) {
      if (process.env.CI === 'true') throw new Error(`golden file missing in CI: ${file}`);
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(file, actual);
    }
    const expected = await fs.readFile(file, 'utf8');
    if (actual !== expected) await fs.writeFile(path.join(dir, 'contents-changed.txt'), actual);
    expect(actual).toBe(expected);
  });
});

// The convention's workbook read back, cell by cell (value and number
// format), against a golden dump: any change of content shows as a diff.

import { describe, expect, it } from 'vitest';
import type ExcelJS from 'exceljs';
import { planWorkbooks } from '../../../lib/render/workbook/plan.ts';
import { buildWorkbook } from '../../../lib/render/workbook/build-workbook.ts';
import { expectGolden } from '../../helpers/golden.ts';
import JSZip from 'jszip';
import { bundledModel, layout, readWorkbook, tinyPng } from './fixtures.ts';

/** What decides how a sheet prints and reads on screen, as read back. */
function layoutLines(ws: ExcelJS.Worksheet, breaks: string): string[] {
  const p = ws.pageSetup;
  const lines = [
    `page\t${p.orientation} A4=${p.paperSize === 9} fitToPage=${p.fitToPage} scale=${p.scale} printArea=${p.printArea} printTitlesRow=${p.printTitlesRow ?? ''}`,
    `headerFooter\t${ws.headerFooter.oddHeader} | ${ws.headerFooter.oddFooter}`,
    `view\t${JSON.stringify(ws.views[0] ?? {})} autoFilter=${JSON.stringify(ws.autoFilter ?? '')}`,
    `columns\t${(ws.columns ?? []).map((c) => c.width ?? '-').join(' ')}`,
  ];
  const heights: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    if (row.height) heights.push(`${n}:${row.height}`);
  });
  const model = ws.model as unknown as { merges?: string[] };
  lines.push(`heights\t${heights.join(' ')}`, `merges\t${[...(model.merges ?? [])].sort().join(' ')}`, `rowBreaks\t${breaks}`);
  return lines;
}

/** The manual page breaks of each sheet, from its XML (exceljs does not read them back). */
async function rowBreaks(bytes: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(bytes);
  const out: string[] = [];
  for (let k = 1; zip.files[`xl/worksheets/sheet${k}.xml`]; k++) {
    const xml = await zip.files[`xl/worksheets/sheet${k}.xml`]!.async('string');
    out.push([...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => m[1]).join(' '));
  }
  return out;
}

function dump(wb: ExcelJS.Workbook, breaks: string[]): string {
  const lines: string[] = [];
  for (const [k, ws] of wb.worksheets.entries()) {
    lines.push(`## ${ws.name}`, ...layoutLines(ws, breaks[k] ?? ''));
    ws.eachRow((row) => {
      row.eachCell((cell) => {
        const v = cell.value;
        if (v === null || v === undefined || (cell.isMerged && cell.master !== cell)) return;
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
    // With charts of the real sizes, so that the page breaks around them show.
    const sizes = [[1526, 998], [1319, 1767]] as const;
    const charts = new Map(plan.quartiers.map((q) => [q.code, sizes.map(([w, h], k) => ({ file: `graphiques/${q.code}/c${k}.png`, png: tinyPng(w, h), title: `Graphique ${k + 1}`, description: 'Le quartier et son agglomération.' }))]));
    const bytes = await buildWorkbook(plan, model, charts, { layout });
    const actual = dump(await readWorkbook(bytes), await rowBreaks(bytes));
    expectGolden('workbook/convention-marles-les-mines/contents.txt', actual);
  });
});

// Every font of a workbook is named. A font with only « bold » is drawn in
// the spreadsheet's fallback face: LibreOffice printed the titles and the
// enjeu rows of the Synthèse in a serif, beside Calibri everywhere else.

import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { planWorkbooks } from '../../../lib/render/workbook/plan.ts';
import { buildWorkbook } from '../../../lib/render/workbook/build-workbook.ts';
import { bundledModel, layout } from './fixtures.ts';

describe('workbook fonts', () => {
  it('names the face of every font, bold and sized ones included', async () => {
    const model = await bundledModel();
    for (const plan of planWorkbooks(model).plans) {
      const bytes = await buildWorkbook(plan, model, new Map(), { layout });
      const styles = await (await JSZip.loadAsync(bytes)).files['xl/styles.xml']!.async('string');
      const fonts = [...styles.matchAll(/<font>(.*?)<\/font>/g)].map((m) => m[1]!);
      expect(fonts.length, plan.path).toBeGreaterThan(1);
      for (const f of fonts) expect(f, plan.path).toMatch(/<name val="Calibri"\/>/);
    }
  });
});

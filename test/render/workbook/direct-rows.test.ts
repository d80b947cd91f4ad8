import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import JSZip from 'jszip';
import { SharedStrings, escapeText, fillRows, probeStyles, rowXml } from '../../../lib/render/workbook/direct-rows.ts';
import { planWorkbooks } from '../../../lib/render/workbook/plan.ts';
import { buildWorkbook } from '../../../lib/render/workbook/build-workbook.ts';
import { bundledModel, hostileModel, readWorkbook, sheetValues } from './fixtures.ts';
import { donneesColumns } from '../../../lib/render/workbook/donnees-sheet.ts';
import { columnLetter } from '../../../lib/render/workbook/sheet-layout.ts';

const SST = '<?xml version="1.0"?><sst xmlns="x" count="5" uniqueCount="3"><si><t>a</t></si><si><t>b</t></si><si><t>c</t></si></sst>';

describe('shared strings added to the table exceljs wrote', () => {
  it('numbers new strings after the existing ones, each once, and counts every reference', () => {
    const s = new SharedStrings();
    s.load(SST);
    expect([s.id('x'), s.id('y'), s.id('x')]).toEqual([3, 4, 3]);
    const out = s.appendTo(SST);
    expect(out).toContain('count="8" uniqueCount="5"');
    expect(out).toMatch(/<si><t>c<\/t><\/si><si><t>x<\/t><\/si><si><t>y<\/t><\/si><\/sst>$/);
  });

  it('opens a self-closed table, keeps spaces that matter, escapes markup and drops what XML refuses', () => {
    const s = new SharedStrings();
    const empty = '<sst xmlns="x" count="0" uniqueCount="0"/>';
    s.load(empty);
    s.id(' lead');
    s.id('a & <b>\u0001\u0007 ok\tfin');
    expect(s.appendTo(empty)).toBe('<sst xmlns="x" count="2" uniqueCount="2"><si><t xml:space="preserve"> lead</t></si><si><t>a &amp; &lt;b&gt; ok\tfin</t></si></sst>');
  });

  it('refuses to number strings before the table is read', () => {
    expect(() => new SharedStrings().id('x')).toThrow(/non chargée/);
  });

  it('escapes any text into XML that reads back the same, less the control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const xml = escapeText(text);
        expect(xml).not.toMatch(/[<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|&(?!amp;|lt;|gt;)/);
        const back = xml.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
        expect(back).toBe(text.replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, ''));
      }),
    );
  });
});

describe('rows written as XML', () => {
  it('reads the style index of each probe cell, 0 when exceljs wrote none', () => {
    const xml = '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row><row r="2" spans="1:3"><c r="A2" s="7"><v>0</v></c><c r="B2"><v>0</v></c><c r="AA2" s="12"><v>0</v></c></row></sheetData>';
    expect([...probeStyles(xml, 2)]).toEqual([['A', 7], ['B', 0], ['AA', 12]]);
    expect(probeStyles(xml, 3).size).toBe(0);
  });

  it('writes numbers with their format’s style, strings shared, and skips empty cells', () => {
    const s = new SharedStrings();
    s.load(SST);
    const xml = rowXml(9, [{ value: 'QN06205M' }, null, { value: 40.2, numFmt: 'pct' }, { value: -0.5 }], ['A', 'B', 'C', 'D'], (f) => (f === 'pct' ? 4 : 0), s);
    expect(xml).toBe('<row r="9"><c r="A9" t="s"><v>3</v></c><c r="C9" s="4"><v>40.2</v></c><c r="D9"><v>-0.5</v></c></row>');
  });

  it('fails loudly when the probe row does not hold a format', () => {
    const entries = [
      { name: 'xl/worksheets/sheet1.xml', data: new TextEncoder().encode('<worksheet><dimension ref="A1:B2"/><sheetData><row r="1"></row><row r="2"><c r="A2" s="3"><v>0</v></c></row></sheetData></worksheet>') },
      { name: 'xl/sharedStrings.xml', data: new TextEncoder().encode(SST) },
    ];
    const direct = { sheet: 'xl/worksheets/sheet1.xml', probeRow: 2, probe: new Map([['B', '0.0']]), dimension: 'A1:B3', rows: () => '' };
    expect(() => fillRows(entries, direct)).toThrow(/cellule témoin absente : B2/);
  });
});

describe('« Données » written directly', async () => {
  const model = await bundledModel();
  const plan = planWorkbooks(model).plans.find((p) => p.kind === 'agglomeration')!;
  const bytes = await buildWorkbook(plan, model, new Map());
  const zip = await JSZip.loadAsync(bytes);
  const sheetXml = await zip.files['xl/worksheets/sheet4.xml']!.async('string');
  const rows = plan.quartiers.flatMap((q) => q.rows);

  it('replaces the probe row by the data rows, one per tidy row, and states the used range', () => {
    expect(sheetXml.match(/<row r="/g)).toHaveLength(rows.length + 1);
    expect(sheetXml).toContain(`<dimension ref="A1:${columnLetter(donneesColumns().length)}${rows.length + 1}"/>`);
    expect(sheetXml).toMatch(new RegExp(`<row r="${rows.length + 1}">.*</row></sheetData>`));
  });

  it('shares each string once across the workbook’s table', async () => {
    const sst = await zip.files['xl/sharedStrings.xml']!.async('string');
    const items = [...sst.matchAll(/<si><t[^>]*>(.*?)<\/t><\/si>/g)].map((m) => m[1]);
    // The data rows' strings come after those exceljs shared for the other sheets.
    const dataRows = sheetXml.slice(sheetXml.indexOf('<row r="2">'));
    const used = [...dataRows.matchAll(/t="s"><v>(\d+)</g)].map((m) => Number(m[1]));
    const added = items.slice(Math.min(...used));
    expect(added.length).toBeGreaterThan(20);
    expect(new Set(used).size).toBe(added.length);
    expect(new Set(added).size).toBe(added.length);
    expect(sst).toContain(`uniqueCount="${items.length}"`);
  });

  it('reads back hostile text as the same text', async () => {
    const hostile = await hostileModel();
    const p = planWorkbooks(hostile).plans.find((x) => x.kind === 'agglomeration')!;
    const wb = await readWorkbook(await buildWorkbook(p, hostile, new Map()));
    const values = sheetValues(wb.getWorksheet('Données')!).flat();
    expect(values).toContain('Les "Tours" / Bât A: *Nord* [x]?\\ \'quai\'');
    expect(values).toContain('=1+1');
    expect(values).toContain('@SUM(A1:A2)');
  });
});

// exceljs zips through JSZip; the pipeline dates the entries through JSZip's
// public `defaults.date`. If an upgrade of exceljs or JSZip stops honouring
// it (a copy of JSZip of its own, a date of its own), this fails.

import { afterEach, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { pinZipDates, sourceDateEpoch } from '../../pipeline/zip-dates.ts';
import { planWorkbooks } from '../../lib/render/workbook/plan.ts';
import { buildWorkbook } from '../../lib/render/workbook/build-workbook.ts';
import { bundledModel, layout, tinyPng } from '../render/workbook/fixtures.ts';

describe('zip entry dates', () => {
  afterEach(() => {
    JSZip.defaults.date = null;
  });

  it('reads SOURCE_DATE_EPOCH as seconds, and nothing else', () => {
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: '1767225600' })?.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(sourceDateEpoch({})).toBeNull();
    expect(sourceDateEpoch({ SOURCE_DATE_EPOCH: 'demain' })).toBeNull();
  });

  it('gives byte-identical workbooks on two builds a second apart, every entry dated by the epoch', async () => {
    const model = await bundledModel();
    const plan = planWorkbooks(model).plans[0]!;
    const charts = new Map([['QN06205M', [{ file: 'graphiques/QN06205M/a.png', png: tinyPng(), title: 'A', description: '' }]]]);
    const epoch = sourceDateEpoch({ SOURCE_DATE_EPOCH: '1767225600' })!;
    pinZipDates(epoch);
    const a = await buildWorkbook(plan, model, charts, { layout });
    await new Promise((r) => setTimeout(r, 2100)); // DOS times count in 2-second steps
    const b = await buildWorkbook(plan, { ...model, generatedAt: '2030-01-01T00:00:00.000Z' }, charts, { layout });
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
    const zip = await JSZip.loadAsync(a);
    const names = Object.keys(zip.files);
    expect(names).toContain('xl/media/image1.png');
    for (const n of names) expect(zip.files[n]!.date.toISOString(), n).toBe(epoch.toISOString());
  });
});

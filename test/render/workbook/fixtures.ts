// Models and readers shared by the workbook tests.

import ExcelJS from 'exceljs';
import { Resvg } from '@resvg/resvg-js';
import { buildReportModel, type ReportModel } from '../../../lib/report/model.ts';
import type { Quartier } from '../../../lib/model/types.ts';
import type { TidyRow } from '../../../lib/model/tidy-row.ts';
import { loadBundled } from '../../helpers/bundled.ts';

export async function bundledModel(): Promise<ReportModel> {
  const { sources, rows } = await loadBundled();
  return buildReportModel({ sources, rows, year: 2024, generatedAt: '2026-11-25T20:00:00.000Z', toolVersion: '0.0.0-test' });
}

/** A quartier named with every character Excel and file systems refuse, 40 characters long. */
export const HOSTILE_NAME = 'Les "Tours" / Bât A: *Nord* [x]?\\ \'quai\'';

/** The bundled model with the second quartier renamed, a source text and a warning that look like formulas. */
export async function hostileModel(): Promise<ReportModel> {
  const base = await bundledModel();
  const rename = (q: Quartier): Quartier => (q.code === 'QIC-62555-01' ? { ...q, name: HOSTILE_NAME, conventionCommune: '../../etc/=Ville: "A/B"' } : q);
  const registry = { ...base.registry, quartiers: base.registry.quartiers.map(rename) };
  const rows: TidyRow[] = base.rows.map((r) =>
    r.quartier_code === 'QIC-62555-01' ? { ...r, quartier: HOSTILE_NAME, valeur_source: r.indicateur === 'ips' ? '=1+1' : r.valeur_source, colonne: '@SUM(A1:A2)' } : r,
  );
  const sources = { registry, catalogue: base.catalogue, notes: [...base.notes, { quartier: 'QIC-62555-01', section: 'irritant' as const, order: 99, text: '-2+3' }], enjeux: [], targets: [], files: base.files, warnings: [{ code: 'test', message: '=HYPERLINK("http://example.invalid","x")' }], figures: [], schools: [], schoolLinks: [] };
  return buildReportModel({ sources: sources as never, rows, year: 2024, generatedAt: base.generatedAt, toolVersion: base.toolVersion });
}

export function tinyPng(width = 120, height = 60): Uint8Array {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#36c"/></svg>`;
  return new Resvg(svg, { font: { loadSystemFonts: false } }).render().asPng();
}

export async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return wb;
}

/** Rows of a sheet as plain values (rich text and hyperlinks flattened), 1-based like Excel. */
export function sheetValues(ws: ExcelJS.Worksheet): unknown[][] {
  const out: unknown[][] = [];
  ws.eachRow({ includeEmpty: true }, (row, n) => {
    const values: unknown[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      values[c - 1] = cell.value;
    });
    out[n - 1] = values;
  });
  return out;
}

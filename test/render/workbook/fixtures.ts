// Models and readers shared by the workbook tests.

import ExcelJS from 'exceljs';
import { Resvg } from '@resvg/resvg-js';
import { buildReportModel, type ReportModel } from '../../../lib/report/model.ts';
import type { Quartier } from '../../../lib/model/types.ts';
import type { TidyRow } from '../../../lib/model/tidy-row.ts';
import { loadBundled } from '../../helpers/bundled.ts';
import { loadChartFonts } from '../../../pipeline/fonts.ts';
import { createTextLayout } from '../../../lib/render/workbook/text-layout.ts';

const fonts = loadChartFonts();
/** Text measured in the shipped font, as the pipeline does. */
export const layout = createTextLayout({ regular: fonts.regular.bytes, bold: fonts.bold.bytes });

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
    r.quartier_code === 'QIC-62555-01' ? { ...r, quartier: HOSTILE_NAME, source: r.indicateur === 'ips' ? '=1+1' : r.source, reference: '@SUM(A1:A2)' } : r,
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
      // A merged range's cells all return its first cell's value: keep it once.
      values[c - 1] = cell.isMerged && cell.master !== cell ? null : cell.value;
    });
    out[n - 1] = values;
  });
  return out;
}

/**
 * One agglomeration of `n` quartiers cloned from the bundled ones, with long
 * names (the largest agglomeration of the bench set has 130 quartiers).
 */
export async function agglomerationModel(n: number): Promise<ReportModel> {
  const { sources, rows: baseRows } = await loadBundled();
  const templates = sources.registry.quartiers.filter((q) => baseRows.some((r) => r.quartier_code === q.code));
  const quartiers: Quartier[] = [];
  const rows: TidyRow[] = [];
  for (let k = 0; k < n; k++) {
    const template = templates[k % templates.length]!;
    const code = `QN${String(62000 + k).padStart(6, '0')}M`;
    const commune = `Commune ${Math.floor(k / 3)}`;
    const q: Quartier = { ...template, code, code2015: '', name: `Quartier ${k} – Cité des Fleurs, du Moulin et de la Gare`, conventionCommune: commune, communes: [{ code: String(62000 + k), name: commune }] };
    quartiers.push(q);
    for (const r of baseRows) if (r.quartier_code === template.code) rows.push({ ...r, quartier_code: code, quartier: q.name, commune_convention: commune });
  }
  const registry = { ...sources.registry, quartiers };
  return buildReportModel({ sources: { ...sources, registry }, rows, year: 2024, generatedAt: '2026-11-25T20:00:00.000Z', toolVersion: '0.0.0-test' });
}

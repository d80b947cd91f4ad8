// Report folders for the HTML tests: the bundled sources with a hostile
// quartier name and note, and tiny Vega-Lite specs standing in for the
// charts phase (whose own file names the report must not depend on).

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildReportModel, type ReportModel } from '../../../lib/report/model.ts';
import { createOutputWriter, type OutputWriter } from '../../../pipeline/output-writer.ts';
import { htmlPhase } from '../../../pipeline/phases/html.ts';
import { portraitsPhase } from '../../../pipeline/phases/portraits.ts';
import { safeFileName } from '../../../lib/text/safe-file-name.ts';
import { tidyTablePhase } from '../../../pipeline/phases/tidy-table.ts';
import type { PhaseEffects } from '../../../pipeline/phases/phase.ts';
import { BUNDLED_SOURCES, loadBundled } from '../../helpers/bundled.ts';

export const HOSTILE_NAME = '<script>alert(1)</script>';
export const HOSTILE_NOTE = `<img src=x onerror="alert(2)"> & </script><!-- 'simple' « fin »`;
/** The quartier of the bundled registry renamed to HOSTILE_NAME. */
export const HOSTILE_CODE = 'QIC-62555-01';
export const FIXED_DATE = '2026-03-01T09:30:00.000Z';

/** A copy of the bundled sources where the QIC is called `<script>alert(1)</script>` and carries a hostile note. */
export function hostileSources(): string {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'quartiers-html-src-')), 'sources');
  cpSync(BUNDLED_SOURCES, dir, { recursive: true });
  const registry = path.join(dir, 'referentiel/quartiers.csv');
  writeFileSync(registry, readFileSync(registry, 'utf8').replace('Cité de Marles – Gambetta', HOSTILE_NAME));
  const prefecture = path.join(dir, 'prefecture/prefecture_pas-de-calais_qic_2024.csv');
  writeFileSync(prefecture, readFileSync(prefecture, 'utf8').replaceAll('Cité de Marles - Gambetta', HOSTILE_NAME));
  const notes = path.join(dir, 'convention/portraits_qualitatifs.csv');
  writeFileSync(notes, readFileSync(notes, 'utf8').replace(/\n?$/, `\n${HOSTILE_CODE};irritant;99;"${HOSTILE_NOTE.replace(/"/g, '""')}"\n`));
  return dir;
}

export async function modelOf(sourcesDir: string, generatedAt = FIXED_DATE): Promise<ReportModel> {
  const { sources, rows } = await loadBundled(sourcesDir);
  const years = [...new Set(rows.map((r) => r.annee))].sort((a, b) => a - b);
  return buildReportModel({ sources, rows, year: years[years.length - 1]!, generatedAt, toolVersion: '0.0.0-test' });
}

/** A bar chart with tooltips, in the shape the charts phase writes (data inlined, title and description). */
export function tinyBarSpec(title: string, description: string, bars: { territoire: string; valeur: number }[]): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    description,
    width: 300,
    height: 160,
    data: { values: bars },
    mark: 'bar',
    encoding: {
      x: { field: 'territoire', type: 'nominal', title: 'Territoire' },
      y: { field: 'valeur', type: 'quantitative', title: 'Taux de pauvreté (%)' },
      tooltip: [
        { field: 'territoire', type: 'nominal', title: 'Territoire' },
        { field: 'valeur', type: 'quantitative', title: 'Valeur', format: '.1f' },
      ],
    },
  };
}

export const quietEffects: PhaseEffects = {
  log: { info() {}, warn() {}, error() {}, event() {} },
  clock: () => 0,
  checkpoint: () => {},
};

/**
 * Writes what the earlier phases would have written (tidy CSV, portraits,
 * one chart per quartier with its SVG, one agglomeration chart, two
 * workbooks), then runs the HTML phase. Returns the writer.
 */
export async function writeReportWithCharts(outDir: string, model: ReportModel): Promise<OutputWriter> {
  const out = createOutputWriter(outDir);
  const all = new Set(['csv', 'md', 'html'] as const);
  await tidyTablePhase.run(model, out, all, quietEffects);
  await portraitsPhase.run(model, out, all, quietEffects);
  for (const q of model.quartiers) {
    const dir = `graphiques/${safeFileName(q.code)}`;
    const spec = tinyBarSpec(`Taux de pauvreté – ${q.name}`, `Taux de pauvreté de ${q.name} comparé à l'agglomération`, [
      { territoire: q.name, valeur: 40.2 },
      { territoire: 'Agglomération', valeur: 18.8 },
    ]);
    await out.write(`${dir}/pauvrete.vl.json`, JSON.stringify(spec, null, 2));
    await out.write(`${dir}/pauvrete.svg`, '<svg xmlns="http://www.w3.org/2000/svg"/>');
  }
  const agglo = tinyBarSpec('Population des quartiers', 'Population de chaque quartier du contrat de ville', model.quartiers.map((q, i) => ({ territoire: q.name, valeur: 1000 * (i + 1) })));
  await out.write('graphiques/population.vl.json', JSON.stringify(agglo));
  await out.write('graphiques/population.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  await out.write('classeurs/Marles-les-Mines.xlsx', new Uint8Array([0x50, 0x4b]));
  await out.write('classeurs/CABBALR.xlsx', new Uint8Array([0x50, 0x4b]));
  await htmlPhase.run(model, out, all, quietEffects);
  return out;
}

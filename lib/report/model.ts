// What every renderer (portraits, charts, workbooks, HTML) receives: the
// measured tidy table and the facts around it. Built once per run.

import type { Catalogue, EnjeuLink, PortraitNote, Quartier, Registry, SourceSummary, Target, Warning } from '../model/types.ts';
import type { TidyRow } from '../model/tidy-row.ts';
import { NO_GEO, type GeoSources } from '../model/geo.ts';
import { checkFileNameClashes } from './file-name-clashes.ts';
import type { RunChanges } from './compare-runs.ts';

export interface QuartierReport {
  code: string;
  /** Absent when the quartier is not in the registry. */
  quartier?: Quartier;
  name: string;
  /** Every row of this quartier, all indicators and years. */
  rows: TidyRow[];
}

export interface ReportModel extends ReportSources {
  /** The report's year: `--annee` or the latest year in the sources. */
  year: number;
  /** Rows of the selected quartiers, all years. */
  rows: TidyRow[];
  quartiers: QuartierReport[];
  /** ISO date of the run (fixed by SOURCE_DATE_EPOCH for reproducible builds). */
  generatedAt: string;
  toolVersion: string;
  /** « Ce qui a changé » since the previous publication; null or absent when there is none. */
  changes?: RunChanges | null;
}

/** What the report keeps of the sources read (lib/ingest's Sources has all of it): the report never reaches the readers. */
export interface ReportSources {
  registry: Registry;
  catalogue: Catalogue;
  notes: PortraitNote[];
  enjeux: EnjeuLink[];
  targets: Target[];
  files: SourceSummary[];
  warnings: Warning[];
  /** Perimeters and commune boundaries (absent or empty when the sources hold no GeoJSON). */
  geo?: GeoSources;
}

export function buildReportModel(args: {
  sources: ReportSources;
  rows: TidyRow[];
  year: number;
  only?: string[];
  generatedAt: string;
  toolVersion: string;
}): ReportModel {
  const { sources, year } = args;
  const only = args.only ? new Set(args.only) : undefined;
  const rows = args.rows.filter((r) => !only || only.has(r.quartier_code) || only.has(r.quartier_code_2015));
  const byCode = new Map<string, TidyRow[]>();
  for (const r of rows) {
    const list = byCode.get(r.quartier_code) ?? [];
    list.push(r);
    byCode.set(r.quartier_code, list);
  }
  const registryByCode = new Map(sources.registry.quartiers.map((q) => [q.code, q]));
  // Registry quartiers first (in registry order), then the others by code.
  const codes = [
    ...sources.registry.quartiers.map((q) => q.code).filter((c) => byCode.has(c)),
    ...[...byCode.keys()].filter((c) => !registryByCode.has(c)).sort(),
  ];
  const quartiers = codes.map((code) => {
    const q = registryByCode.get(code);
    const qrows = byCode.get(code)!;
    return { code, quartier: q, name: q?.name ?? qrows.find((r) => r.quartier)?.quartier ?? code, rows: qrows };
  });
  checkFileNameClashes(quartiers.map((q) => q.quartier?.place ? { code: q.code, ...q.quartier.place } : { code: q.code, file: q.rows[0]!.fichier, line: q.rows[0]!.ligne }));
  checkFileNameClashes(quartiers.flatMap((q) => (q.quartier?.place && q.quartier.epci.code ? [{ code: q.quartier.epci.code, ...q.quartier.place }] : [])), 'epci');
  return {
    year, rows, quartiers, registry: sources.registry, catalogue: sources.catalogue, notes: sources.notes, enjeux: sources.enjeux, targets: sources.targets, files: sources.files,
    warnings: sources.warnings, geo: sources.geo ?? NO_GEO, generatedAt: args.generatedAt, toolVersion: args.toolVersion,
  };
}

/** Years present in the rows, ascending. */
export function yearsOf(rows: TidyRow[]): number[] {
  return [...new Set(rows.map((r) => r.annee))].sort((a, b) => a - b);
}

// All the source files → the registry, the catalogue, the portrait notes and
// every figure with its provenance. Pure: the pipeline hands in the bytes.
// Errors of every file are gathered before failing, so that one run of
// `quartiers validate` lists them all.

import { createHash } from 'node:crypto';
import type { Catalogue, EnjeuLink, Figure, Indicator, PortraitNote, Quartier, Registry, SchoolIps, SchoolLink, SourceSummary, Target, Warning } from '../model/types.ts';
import { DataError, DataErrors } from '../errors.ts';
import { msg } from '../messages/index.ts';
import { buildAliasIndex, isCatalogueHeader, readCatalogue } from './catalogue.ts';
import { parseCsvTable, type CsvTable } from './csv-table.ts';
import { decodeText, looksBinary, ENCODING_LABELS } from './decode.ts';
import { isRegistryHeader, readRegistry } from './registry.ts';
import { isPortraitNotesHeader, readPortraitNotes } from './portrait-notes.ts';
import { isPrefectureSheet, readPrefectureSheet } from './kinds/prefecture-sheet.ts';
import { isLongPanel, readLongPanel } from './kinds/long-panel.ts';
import { isWideExport, readWideExport } from './kinds/wide-export.ts';
import { isTargetsHeader, readTargets } from './kinds/targets.ts';
import { isEnjeuxHeader, readEnjeux } from './kinds/enjeux.ts';
import { isSchoolLinksHeader, readSchoolLinks } from './kinds/school-links.ts';
import type { ReadContext, ReadResult } from './source-context.ts';
import { mergeFigures } from './merge-figures.ts';

export interface SourceFile {
  /** Path relative to the sources folder, forward slashes. */
  path: string;
  bytes: Uint8Array;
  /** Year given by a sidecar file `<name>.annee`, if any. */
  sidecarYear?: number;
}

export interface Sources {
  registry: Registry;
  catalogue: Catalogue;
  notes: PortraitNote[];
  figures: Figure[];
  files: SourceSummary[];
  warnings: Warning[];
  /** Per-school IPS (Education ministry files), for the derived IPS of quartiers. */
  schools: SchoolIps[];
  /** Which schools the children of each quartier attend. */
  schoolLinks: SchoolLink[];
  /** 2030 targets of the contract. */
  targets: Target[];
  /** The contract's enjeux and objectives, indicator by indicator. */
  enjeux: EnjeuLink[];
}

/** Files that are data tables (the rest of sources/ — README, sidecars — is not read as data). */
export function isTableFile(path: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(path);
}

interface Parsed {
  file: SourceFile;
  table: CsvTable;
  encoding: string;
  sha256: string;
}

const DELIMITER_LABELS: Record<string, string> = { ';': 'point-virgule', ',': 'virgule', '\t': 'tabulation', '|': 'barre verticale' };

export function readSources(files: SourceFile[]): Sources {
  const errors: DataError[] = [];
  const attempt = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof DataErrors) errors.push(...e.errors);
      else if (e instanceof DataError) errors.push(e);
      else throw e;
      return undefined;
    }
  };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const parsed: Parsed[] = [];
  for (const file of sorted) {
    if (!isTableFile(file.path)) continue;
    attempt(() => {
      if (file.bytes.length === 0) throw new DataError(msg.emptyFile(file.path), { file: file.path });
      if (looksBinary(file.bytes)) throw new DataError(msg.binaryFile(file.path), { file: file.path });
      const { text, encoding } = decodeText(file.bytes);
      const table = parseCsvTable(text, file.path);
      if (table.rows.length === 0) throw new DataError(msg.headerOnly(file.path, table.headerLine), { file: file.path, line: table.headerLine });
      parsed.push({ file, table, encoding: ENCODING_LABELS[encoding], sha256: sha256(file.bytes) });
    });
  }

  const summaries: SourceSummary[] = [];
  const summarize = (p: Parsed, kind: string, kindLabel: string, r: Partial<ReadResult> = {}) =>
    summaries.push({
      file: p.file.path, kind, kindLabel, producer: r.producer ?? '', vintage: r.vintage ?? '', encoding: p.encoding,
      delimiter: DELIMITER_LABELS[p.table.delimiter] ?? p.table.delimiter, rows: p.table.rows.length, figures: r.figures?.length ?? 0, sha256: p.sha256,
    });

  // Reference files first: the data readers need them.
  const quartiers: Quartier[] = [];
  const catalogues: Catalogue[] = [];
  const notes: PortraitNote[] = [];
  const data: Parsed[] = [];
  for (const p of parsed) {
    const h = p.table.header;
    if (isRegistryHeader(h)) {
      attempt(() => quartiers.push(...readRegistry(p.table, p.file.path)));
      summarize(p, 'referentiel', 'Référentiel des quartiers');
    } else if (isCatalogueHeader(h)) {
      attempt(() => catalogues.push(readCatalogue(p.table, p.file.path)));
      summarize(p, 'catalogue', 'Catalogue des indicateurs');
    } else if (isPortraitNotesHeader(h)) {
      attempt(() => notes.push(...readPortraitNotes(p.table, p.file.path)));
      summarize(p, 'portraits', 'Portraits qualitatifs de la convention');
    } else {
      data.push(p);
    }
  }
  if (catalogues.length === 0) errors.push(new DataError(msg.missingCatalogue()));
  if (quartiers.length === 0 && !errors.some((e) => e.place.file)) errors.push(new DataError(msg.missingRegistry()));
  if (errors.length) throw new DataErrors(errors);

  const catalogue: Catalogue = { indicators: catalogues.flatMap((c) => c.indicators) };
  const indicators = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.id, i]));
  const aliases = buildAliasIndex(catalogue);
  const quartierCodes = new Set(quartiers.flatMap((q) => [q.code, q.code2015].filter(Boolean)));

  const figures: Figure[] = [];
  const warnings: Warning[] = [];
  const [targets, enjeux, schoolLinks]: [Target[], EnjeuLink[], SchoolLink[]] = [[], [], []];
  for (const p of data) {
    const ctx: ReadContext = { file: p.file.path, table: p.table, catalogue, indicators, aliases, quartiers, quartierCodes };
    const h = p.table.header;
    if (isTargetsHeader(h)) { attempt(() => targets.push(...readTargets(ctx))); summarize(p, 'cibles', 'Cibles du contrat'); continue; }
    if (isEnjeuxHeader(h)) { attempt(() => enjeux.push(...readEnjeux(ctx))); summarize(p, 'enjeux', 'Enjeux et objectifs du contrat'); continue; }
    if (isSchoolLinksHeader(h)) { attempt(() => schoolLinks.push(...readSchoolLinks(ctx))); summarize(p, 'ecoles', 'Établissements scolaires des quartiers'); continue; }
    const result = attempt((): [string, string, ReadResult] | undefined => {
      if (isPrefectureSheet(h)) return ['prefecture', 'Chiffres préfecture (une ligne par indicateur)', readPrefectureSheet(ctx, { sidecarYear: p.file.sidecarYear })];
      if (isLongPanel(h, ctx)) return ['panel', 'Panel long (code, année, indicateurs)', readLongPanel(ctx)];
      if (isWideExport(h, ctx)) return ['export', 'Export par territoire (SIG Ville, INSEE)', readWideExport(ctx, { sidecarYear: p.file.sidecarYear })];
      throw new DataError(msg.unknownKind(p.file.path, h), { file: p.file.path, line: p.table.headerLine });
    });
    if (!result) continue;
    const [kind, label, r] = result;
    figures.push(...r.figures);
    warnings.push(...r.warnings);
    summarize(p, kind, label, r);
  }
  if (errors.length) throw new DataErrors(errors);

  const merged = mergeFigures(figures, []);
  if (merged.errors.length) throw new DataErrors(merged.errors);

  const unknown = merged.figures.filter((f) => f.level === 'quartier' && !quartierCodes.has(f.territory));
  if (unknown.length) {
    const codes = [...new Set(unknown.map((f) => f.territory))].sort();
    warnings.push({ code: 'quartiers-inconnus', message: msg.unknownQuartiers(unknown.length, codes) });
  }
  if (merged.figures.length === 0) throw new DataError(msg.noFigures('sources'));
  summaries.sort((a, b) => (a.file < b.file ? -1 : 1));
  return { registry: { quartiers, precedence: [] }, catalogue, notes, figures: merged.figures, files: summaries, warnings, schools: [], schoolLinks, targets, enjeux };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

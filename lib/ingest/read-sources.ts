// All the source files → the registry, the catalogue, the portrait notes and
// every figure with its provenance. Pure: the pipeline hands in the bytes.
// Errors of every file are gathered before failing, so that one run of
// `quartiers validate` lists them all.
//
// Two passes: reference files first (registry, catalogue, portrait notes,
// 2015↔2024 correspondence, precedence rules), then data files, each
// recognised by the first kind of DATA_KINDS whose `detect` accepts its
// header. A new kind of file is one module and one line in DATA_KINDS.

import { createHash } from 'node:crypto';
import type { Catalogue, EnjeuLink, Figure, Indicator, PortraitNote, Quartier, Registry, SchoolIps, SchoolLink, SourceSummary, Target, Warning } from '../model/types.ts';
import { DataError, DataErrors } from '../errors.ts';
import { msg } from '../messages/index.ts';
import { SOURCE_KIND_LABELS } from '../messages/source-kinds.ts';
import { buildAliasIndex, isCatalogueHeader, readCatalogue } from './catalogue.ts';
import { parseCsvTable, tableFromRecords, type CsvTable } from './csv-table.ts';
import { cellAddress, isOfficeLockFile, isOtherOfficeFile, isWorkbookFile, type SheetGrid } from './xlsx-sheets.ts';
import { decodeText, findMojibake, looksBinary, looksUtf16WithoutBom, parseDeclaredEncoding, ENCODING_LABELS, type DecodedText } from './decode.ts';
import { isRegistryHeader, readRegistry } from './registry.ts';
import { isPortraitNotesHeader, readPortraitNotes } from './portrait-notes.ts';
import { checkRegistryAgainstCorrespondence, emptyCorrespondence, isCorrespondenceHeader, readCorrespondence, reconcilePerimeters } from './correspondence.ts';
import { isPrecedenceHeader, precedenceOrder, readPrecedence, type PrecedenceRule } from './precedence.ts';
import { schoolIpsKind } from './kinds/school-ips.ts';
import { columnDictionaryKind } from './kinds/column-dictionary.ts';
import { prefectureSheetKind } from './kinds/prefecture-sheet.ts';
import { longPanelKind } from './kinds/long-panel.ts';
import { wideExportKind } from './kinds/wide-export.ts';
import { quartierListKind } from './kinds/quartier-list.ts';
import { targetsKind } from './kinds/targets.ts';
import { enjeuxKind } from './kinds/enjeux.ts';
import { schoolLinksKind } from './kinds/school-links.ts';
import type { DataKind, KindResult, OutOfScope, QuartierListEntry, ReadContext } from './source-context.ts';
import { mergeFigures, type Overridden } from './merge-figures.ts';
import { repeatedVintageWarnings } from './repeated-vintages.ts';
import { VINTAGES_SUFFIX, fileUnderDeclaredVintages, readDeclaredVintages } from './declared-vintages.ts';
import { nameUnknownQuartiers } from './quartier-names.ts';
import { isGeoFile, mergeGeo, readGeoJson, type GeoFileResult } from './geojson.ts';
import type { GeoSources } from '../model/geo.ts';

export interface SourceFile {
  /** Path relative to the sources folder, forward slashes. */
  path: string;
  bytes: Uint8Array;
  /** Year given by a sidecar file `<name>.annee`, if any. */
  sidecarYear?: number;
  /** Set for a file that is not data: its size, its bytes never read (left empty). */
  unreadSize?: number;
  /** The sheets of an Excel workbook, read beforehand (loadWorkbooks: exceljs reads asynchronously). */
  sheets?: SheetGrid[];
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
  /** Quartiers named by reference lists (INSEE/ANCT), registry or not. */
  quartierList: QuartierListEntry[];
  /** Quartier perimeters and commune boundaries from GeoJSON files (optional so that hand-built Sources in tests stay valid). */
  geo?: GeoSources;
}

/**
 * Data kinds in the order they are tried: the first whose `detect` accepts
 * a header reads the file. Specific kinds come before generic ones.
 */
export const DATA_KINDS: DataKind[] = [
  targetsKind,
  enjeuxKind,
  schoolLinksKind,
  schoolIpsKind,
  columnDictionaryKind,
  prefectureSheetKind,
  longPanelKind,
  wideExportKind,
  quartierListKind,
];

/** Files that are data tables (the rest of sources/ — README, sidecars, maps — is not read as data). */
export function isTableFile(path: string): boolean {
  return /\.(csv|tsv|txt)$/i.test(path);
}

interface Parsed {
  file: SourceFile;
  table: CsvTable;
  encoding: string;
  sha256: string;
  /**
   * The workbook a sheet comes from (its path). A sheet no kind recognises is
   * listed and left aside when another sheet of its workbook is read (notes,
   * a chart's data); when none is, the workbook is refused like a CSV file.
   */
  workbook?: string;
}

/** What `quartiers validate` reports beside the sources themselves. */
export interface IngestStats {
  /** Figures given twice with the same value, kept once. */
  duplicates: number;
  /** Conflicts settled by priorites.csv. */
  overridden: Overridden[];
  /** Conflicts left unsettled (also among the errors). */
  conflicts: number;
  /** 2015 codes given their 2024 code through the correspondence. */
  reconciled: number;
  /** Quartier codes absent from the registry, and their figures. */
  unknownQuartiers: { codes: number; figures: number };
}

export interface SourcesCollection {
  /** What could be read; incomplete when there are errors. */
  sources: Sources;
  errors: DataError[];
  stats: IngestStats;
  /** Files that are not data (notes, PDF, images), and why they were not read. */
  ignored: { file: string; reason: string }[];
  /** Side files and what they set (`rpls_qpv.annee`: the year of rpls_qpv.csv). */
  sideFiles: string[];
}

const DELIMITER_LABELS: Record<string, string> = { ';': 'point-virgule', ',': 'virgule', '\t': 'tabulation', '|': 'barre verticale' };

/** Reads every source; throws every error found at once. */
export function readSources(files: SourceFile[], options: CollectOptions = {}): Sources {
  const { sources, errors } = collectSources(files, [], options);
  if (errors.length) throw new DataErrors(errors);
  return sources;
}

type Attempt = <T>(fn: () => T) => T | undefined;
type GeoFile = { file: SourceFile; result: GeoFileResult; encoding: string };
type Summarize = (p: Parsed, kind: string, kindLabel: string, r?: KindResult) => void;

/** Each file by its format: workbooks (each sheet a table), GeoJSON, CSV tables; another office format is refused, anything else listed as ignored. */
function parseFiles(sorted: SourceFile[], decode: (file: SourceFile) => DecodedText, errors: DataError[], attempt: Attempt) {
  const parsed: Parsed[] = [];
  const geoFiles: GeoFile[] = [];
  const ignored: { file: string; reason: string }[] = [];
  const unrecognisedSheets: { label: string; reason: string }[] = [];
  for (const file of sorted) {
    if (isOfficeLockFile(file.path)) {
      ignored.push({ file: file.path, reason: msg.ignoredOfficeLock() });
      continue;
    }
    if (isOtherOfficeFile(file.path)) {
      errors.push(new DataError(msg.otherOfficeFormat(file.path), { file: file.path }));
      continue;
    }
    if (isWorkbookFile(file.path)) {
      // A workbook the folder scan could not open has said so already.
      if (!file.sheets && errors.some((e) => e.place.file === file.path)) continue;
      attempt(() => parsed.push(...parseWorkbook(file, unrecognisedSheets)));
      continue;
    }
    if (SIDE_FILE.test(file.path)) continue;
    if (isGeoFile(file.path)) {
      attempt(() => {
        const { text, encoding } = decode(file);
        geoFiles.push({ file, result: readGeoJson(file.path, text), encoding: ENCODING_LABELS[encoding] });
      });
      continue;
    }
    if (!isTableFile(file.path)) {
      ignored.push({ file: file.path, reason: msg.ignoredNotData() });
      continue;
    }
    if (/\.txt$/i.test(file.path) && !looksLikeTable(file.bytes)) {
      ignored.push({ file: file.path, reason: msg.ignoredTextNotTable() });
      continue;
    }
    attempt(() => parsed.push(parseSourceFile(file, decode)));
  }
  return { parsed, geoFiles, ignored, unrecognisedSheets };
}

/** The files that the data readers need first: registry, catalogue, portrait notes, correspondence, precedence. The others are data. */
function readReferenceFiles(parsed: Parsed[], attempt: Attempt, summarize: Summarize) {
  const quartiers: Quartier[] = [];
  const catalogues: Catalogue[] = [];
  const notes: PortraitNote[] = [];
  const correspondence = emptyCorrespondence();
  const rules: PrecedenceRule[] = [];
  const data: Parsed[] = [];
  for (const p of parsed) {
    const h = p.table.header;
    const path = p.file.path;
    if (isRegistryHeader(h)) {
      attempt(() => quartiers.push(...readRegistry(p.table, path)));
      summarize(p, 'referentiel', SOURCE_KIND_LABELS.referentiel);
    } else if (isCatalogueHeader(h)) {
      attempt(() => catalogues.push(readCatalogue(p.table, path)));
      summarize(p, 'catalogue', SOURCE_KIND_LABELS.catalogue);
    } else if (isPortraitNotesHeader(h)) {
      attempt(() => notes.push(...readPortraitNotes(p.table, path)));
      summarize(p, 'portraits', SOURCE_KIND_LABELS.portraits);
    } else if (isCorrespondenceHeader(h)) {
      attempt(() => readCorrespondence(p.table, path, correspondence));
      summarize(p, 'correspondance', SOURCE_KIND_LABELS.correspondance);
    } else if (isPrecedenceHeader(h)) {
      attempt(() => rules.push(...readPrecedence(p.table, path)));
      summarize(p, 'priorites', SOURCE_KIND_LABELS.priorites);
    } else {
      data.push(p);
    }
  }
  return { quartiers, catalogues, notes, correspondence, rules, data };
}

/** Catalogue files found, read or refused. */
function catalogueFiles(summaries: SourceSummary[]): number {
  return summaries.filter((s) => s.kind === 'catalogue').length;
}

/**
 * Each data file read by the first kind of DATA_KINDS that recognises its
 * header, its figures filed under the vintages its side file declares; what
 * a kind reads besides figures (schools, targets, enjeux…) joins `sources`.
 */
function readDataFiles(
  data: Parsed[],
  known: Pick<ReadContext, 'catalogue' | 'indicators' | 'aliases' | 'quartiers' | 'quartierCodes'>,
  vintages: Map<string, Map<string, number>>,
  sources: Sources,
  errors: DataError[],
  attempt: Attempt,
  summarize: Summarize,
  keepAllTerritories: boolean,
  /** Workbooks with a sheet already read (the registry, the catalogue…); data sheets recognised here are added. */
  readWorkbooks: Set<string>,
): Figure[] {
  const figures: Figure[] = [];
  const unknownSheets: Parsed[] = [];
  const drops = keepAllTerritories || known.quartiers.length === 0 ? undefined : territoriesOutsideRegistry(known.quartiers);
  for (const p of data) {
    const outOfScope: OutOfScope | undefined = drops && { drops, values: 0, territories: new Set() };
    const ctx: ReadContext = { file: p.file.path, table: p.table, ...known, sidecarYear: p.file.sidecarYear, outOfScope };
    const kind = DATA_KINDS.find((k) => k.detect(p.table.header, ctx));
    if (!kind && p.workbook) {
      unknownSheets.push(p);
      continue;
    }
    if (p.workbook) readWorkbooks.add(p.workbook);
    if (!kind) {
      errors.push(new DataError(msg.unknownKind(p.file.path, p.table.header), { file: p.file.path, line: p.table.headerLine }));
      summarize(p, 'inconnu', msg.unknownKindLabel());
      continue;
    }
    const r = attempt(() => kind.read(ctx));
    summarize(p, kind.id, kind.label, r);
    if (!r) continue;
    if (p.workbook) cellColumns(p.table.header, r.figures ?? []);
    for (const f of fileUnderDeclaredVintages(r.figures ?? [], vintages.get(p.file.path.replace(/\.[^./]+$/, '')))) figures.push(f);
    if (outOfScope?.values) sources.warnings.push({ code: 'valeurs-hors-referentiel', message: msg.figuresOutsideRegistry(p.file.path, outOfScope.values, outOfScope.territories.size) });
    sources.warnings.push(...(r.warnings ?? []));
    sources.schools.push(...(r.schools ?? []));
    sources.schoolLinks.push(...(r.schoolLinks ?? []));
    sources.targets.push(...(r.targets ?? []));
    sources.enjeux.push(...(r.enjeux ?? []));
    sources.quartierList.push(...(r.quartierList ?? []));
  }
  for (const p of unknownSheets) {
    const reason = msg.unknownKind(p.file.path, p.table.header);
    if (readWorkbooks.has(p.workbook!)) {
      // Another sheet of a workbook that is read (notes, a chart's data): listed, not refused.
      summarize(p, 'inconnu', msg.unknownKindLabel(), { notes: [msg.sheetNotRecognised(reason.slice(p.file.path.length + 3))] });
      sources.warnings.push({ code: 'feuille-non-reconnue', message: msg.sheetSkipped(p.file.path, msg.unknownKindLabel()) });
    } else {
      // No sheet of the workbook is read: its figures would be lost without a word.
      const misopened = looksLikeMisopenedCsv([...p.table.preamble.map((l) => [l]), p.table.header, ...p.table.rows]);
      errors.push(new DataError(misopened ? `${reason} ${msg.sheetFromMisopenedCsv()}` : reason, { file: p.file.path, line: p.table.headerLine }));
      summarize(p, 'inconnu', msg.unknownKindLabel());
    }
  }
  return figures;
}

/**
 * Communes and agglomerations that no quartier of the registry belongs to:
 * a national panel dropped in sources/ brings thousands. Their values are
 * checked, counted and dropped while reading (ReadContext.outOfScope), so
 * that memory follows what is published; `--tous-les-quartiers` keeps them.
 */
function territoriesOutsideRegistry(quartiers: Quartier[]): OutOfScope['drops'] {
  const communes = new Set(quartiers.flatMap((q) => q.communes.map((c) => c.code)));
  const epcis = new Set(quartiers.map((q) => q.epci.code));
  return (level, code) => (level === 'commune' && !communes.has(code)) || (level === 'epci' && !epcis.has(code));
}

/**
 * Reads every source and returns what it could read with every error found,
 * after `folderErrors` (files the folder scan could not read).
 */
export interface CollectOptions {
  /** Keep the values of communes and agglomerations outside the registry (`--tous-les-quartiers`). */
  keepAllTerritories?: boolean;
}

export function collectSources(files: SourceFile[], folderErrors: DataError[] = [], options: CollectOptions = {}): SourcesCollection {
  const errors: DataError[] = [...folderErrors];
  const attempt = collectingInto(errors);
  const stats: IngestStats = { duplicates: 0, overridden: [], conflicts: 0, reconciled: 0, unknownQuartiers: { codes: 0, figures: 0 } };
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const declared = declaredEncodings(sorted, errors);
  const decodeWarnings: Warning[] = [];
  const decode = (file: SourceFile) => {
    const d = decodeText(file.bytes, file.path, declared.get(file.path.replace(/\.[^./]+$/, '')));
    const bad = findMojibake(d.text);
    if (bad) decodeWarnings.push({ code: 'texte-mal-decode', message: msg.mojibake(file.path, bad.line, bad.sample) });
    return d;
  };
  const { parsed, geoFiles, ignored, unrecognisedSheets } = parseFiles(sorted, decode, errors, attempt);

  const summaries: SourceSummary[] = [];
  const summarize = (p: Parsed, kind: string, kindLabel: string, r: KindResult = {}) =>
    summaries.push({
      file: p.file.path, kind, kindLabel, producer: r.producer ?? '', vintage: r.vintage ?? '', encoding: p.encoding,
      delimiter: DELIMITER_LABELS[p.table.delimiter] ?? p.table.delimiter, rows: p.table.rows.length, figures: r.figures?.length ?? 0, sha256: p.sha256,
      ...(r.notes?.length ? { notes: r.notes } : {}),
    });

  for (const u of unrecognisedSheets) {
    summaries.push({ file: u.label, kind: 'inconnu', kindLabel: msg.unknownKindLabel(), producer: '', vintage: '', encoding: WORKBOOK_ENCODING, delimiter: '', rows: 0, figures: 0, sha256: '', notes: [msg.sheetNotRecognised(u.reason)] });
  }

  // Reference files first: the data readers need them.
  const { quartiers, catalogues, notes, correspondence, rules, data } = readReferenceFiles(parsed, attempt, summarize);
  // A catalogue that was found but refused has already said why. Without a registry every quartier is published (scope.ts).
  if (catalogueFiles(summaries) === 0) errors.push(new DataError(msg.missingCatalogue()));

  const catalogue: Catalogue = { indicators: catalogues.flatMap((c) => c.indicators) };
  const precedence = precedenceOrder(rules);
  const sources: Sources = {
    registry: { quartiers, precedence }, catalogue, notes, figures: [], files: summaries, warnings: [],
    schools: [], schoolLinks: [], targets: [], enjeux: [], quartierList: [],
  };
  if (errors.length > folderErrors.length) {
    for (const p of data) summarize(p, 'non-lu', msg.notReadKind());
    return { sources: sortSummaries(sources), errors, stats, ignored, sideFiles: sideFiles(files) };
  }

  const indicators = new Map<string, Indicator>(catalogue.indicators.map((i) => [i.id, i]));
  const aliases = buildAliasIndex(catalogue);
  const quartierCodes = new Set(quartiers.flatMap((q) => [q.code, q.code2015].filter(Boolean)));

  const vintages = readVintageFiles(sorted, aliases, indicators, attempt);
  const referenceSheets = new Set(parsed.filter((p) => p.workbook !== undefined && !data.includes(p)).map((p) => p.workbook!));
  const figures = readDataFiles(data, { catalogue, indicators, aliases, quartiers, quartierCodes }, vintages, sources, errors, attempt, summarize, options.keepAllTerritories ?? false, referenceSheets);

  const merged = mergeFigures(figures, precedence);
  errors.push(...merged.errors);
  stats.duplicates = merged.duplicates;
  stats.overridden = merged.overridden;
  stats.conflicts = merged.errors.length;

  sources.warnings.push(...decodeWarnings);
  sources.warnings.push(...checkRegistryAgainstCorrespondence(quartiers, correspondence));
  const reconciled = reconcilePerimeters(merged.figures, correspondence, quartierCodes);
  stats.reconciled = reconciled.mapped;
  sources.warnings.push(...reconciled.warnings);
  sources.figures = merged.figures;
  sources.warnings.push(...repeatedVintageWarnings(sources.figures));
  nameUnknownQuartiers(sources.figures, sources.quartierList, quartierCodes);
  stats.unknownQuartiers = unknownQuartiers(sources.figures, quartierCodes);
  // Schools alone give figures only with the list of schools each quartier's children attend.
  const derivable = sources.schools.length > 0 && sources.schoolLinks.length > 0;
  if (sources.figures.length === 0 && !derivable && errors.length === 0) errors.push(new DataError(msg.noFigures('sources')));
  addGeography(sources, geoFiles, quartierCodes);
  return { sources: sortSummaries(sources), errors, stats, ignored, sideFiles: sideFiles(files) };
}

/**
 * Whether a sheet's rows look like a CSV file opened with the wrong settings
 * and saved as .xlsx: most rows still hold the semicolons in one cell, or
 * the accents were decoded in the wrong encoding (« PrÃ©fecture »).
 */
function looksLikeMisopenedCsv(rows: readonly (readonly string[])[]): boolean {
  const used = rows.filter((r) => r.some((c) => c.trim() !== ''));
  const withSemicolons = used.filter((r) => r.some((c) => c.includes(';'))).length;
  return withSemicolons * 2 >= used.length || findMojibake(used.map((r) => r.join(' ')).join('\n')) !== null;
}

/**
 * Whether a `.txt` file is a table (INSEE ships some as tab-separated text)
 * rather than notes: from its first line holding the most frequent number
 * of one separator (the header, under any title lines), nearly every
 * non-empty line holds that number. A document's table of contents
 * (« Préambule⇥3 ») or prose with commas does not. Judged on the first
 * 64 kB read as Latin-1 (separators are ASCII).
 */
export function looksLikeTable(bytes: Uint8Array): boolean {
  const lines = Buffer.from(bytes.subarray(0, 65536)).toString('latin1').split(/\r\n|\r|\n/).filter((l) => l.trim() !== '');
  for (const [sep, least] of [['\t', 1], [';', 1], ['|', 1], [',', 2]] as const) {
    const counts = lines.map((l) => l.split(sep).length - 1);
    const tally = new Map<number, number>();
    for (const n of counts) if (n >= least) tally.set(n, (tally.get(n) ?? 0) + 1);
    if (tally.size === 0) continue;
    const [modal, times] = [...tally].reduce((a, b) => (b[1] > a[1] ? b : a));
    const rest = counts.slice(counts.indexOf(modal));
    if (times >= 2 && times >= 0.9 * rest.length) return true;
  }
  return false;
}

/** An `attempt`: runs a step, files its DataError(s) in `errors` and goes on (undefined then); any other error is a bug and thrown. */
function collectingInto(errors: DataError[]): Attempt {
  return <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (e) {
      if (e instanceof DataErrors) errors.push(...e.errors);
      else if (e instanceof DataError) errors.push(e);
      else throw e;
      return undefined;
    }
  };
}

/** The side files `<nom>.millesimes`: for each data file (path without extension), the vintage each indicator comes from. */
function readVintageFiles(sorted: SourceFile[], aliases: ReturnType<typeof buildAliasIndex>, indicators: Map<string, Indicator>, attempt: Attempt): Map<string, Map<string, number>> {
  const vintages = new Map<string, Map<string, number>>();
  for (const file of sorted) {
    if (!file.path.endsWith(VINTAGES_SUFFIX)) continue;
    const base = file.path.slice(0, -VINTAGES_SUFFIX.length);
    attempt(() => vintages.set(base, readDeclaredVintages(file.path, Buffer.from(file.bytes).toString('utf8'), aliases, new Set(indicators.keys()))));
  }
  return vintages;
}

/** Quartier codes that the registry does not know (by 2024 or 2015 code), and how many figures they bring. */
function unknownQuartiers(figures: readonly Figure[], quartierCodes: Set<string>): IngestStats['unknownQuartiers'] {
  const unknown = new Map<string, number>();
  for (const f of figures) {
    if (f.level !== 'quartier' || quartierCodes.has(f.territory) || (f.quartierCode && quartierCodes.has(f.quartierCode))) continue;
    unknown.set(f.territory, (unknown.get(f.territory) ?? 0) + 1);
  }
  let count = 0;
  for (const n of unknown.values()) count += n;
  return { codes: unknown.size, figures: count };
}

/** The GeoJSON files: listed among the sources, merged into `sources.geo`, with a warning when no perimeter matches the registry. */
function addGeography(sources: Sources, geoFiles: GeoFile[], quartierCodes: Set<string>): void {
  for (const g of geoFiles) {
    const label = g.result.kind === 'perimetres' ? SOURCE_KIND_LABELS.perimetres : SOURCE_KIND_LABELS.communes;
    sources.files.push({ file: g.file.path, kind: g.result.kind, kindLabel: label, producer: '', vintage: '', encoding: g.encoding, delimiter: '', rows: g.result.features, figures: 0, sha256: sha256(g.file.bytes) });
  }
  sources.geo = mergeGeo(geoFiles.map((g) => g.result));
  // Perimeters of another list (2015 codes against a 2024 registry, another region) would leave every map out without a word.
  const perimeters = sources.geo.perimeters;
  if (perimeters.length && quartierCodes.size && !perimeters.some((p) => quartierCodes.has(p.code))) {
    const files = geoFiles.filter((g) => g.result.kind === 'perimetres').map((g) => g.file.path).sort();
    sources.warnings.push({ code: 'perimetres-hors-referentiel', message: msg.perimetersMatchNoQuartier(files, perimeters.length, perimeters.map((p) => p.code)) });
  }
}

const WORKBOOK_ENCODING = 'classeur Excel';

/** Side files: read for what they set, never as data. */
const SIDE_FILE = /\.(annee|encodage|millesimes)$/;

/** Each sheet of a workbook as a table, the sheets that are not tables set aside with their reason. */
function parseWorkbook(file: SourceFile, unrecognised: { label: string; reason: string }[]): Parsed[] {
  if (!file.sheets) throw new DataError(msg.workbookUnreadable(file.path, 'classeur non chargé'), { file: file.path });
  const sha = sha256(file.bytes);
  const out: Parsed[] = [];
  const reasons: { label: string; sheet: string; reason: string }[] = [];
  for (const sheet of file.sheets) {
    const label = msg.sheetLabel(file.path, sheet.name);
    if (sheet.rows.every((r) => r.every((c) => c.trim() === ''))) {
      reasons.push({ label, sheet: sheet.name, reason: msg.sheetEmpty() });
      continue;
    }
    try {
      const table = tableFromRecords(sheet.rows, sheet.rowNumbers, label, '');
      if (table.rows.length === 0) reasons.push({ label, sheet: sheet.name, reason: msg.headerOnly(label, table.headerLine) });
      else out.push({ file: { ...file, path: label, sheets: undefined }, table, encoding: WORKBOOK_ENCODING, sha256: sha, workbook: file.path });
    } catch (e) {
      if (!(e instanceof DataError)) throw e;
      // « <label>:1 : why » → « why »
      reasons.push({ label, sheet: sheet.name, reason: e.message.startsWith(label) ? e.message.slice(label.length).replace(/^(?::\d+)? : /, '') : e.message });
    }
  }
  if (out.length === 0) {
    const why = msg.sheetsNoneRecognised(file.path, reasons);
    const misopened = file.sheets.some((sheet) => looksLikeMisopenedCsv(sheet.rows));
    throw new DataError(misopened ? `${why} ${msg.sheetFromMisopenedCsv()}` : why, { file: file.path });
  }
  unrecognised.push(...reasons);
  return out;
}

/** A figure read from a sheet names its column by header and letter: « Taux de pauvreté (D) », with its row: cell D7. */
function cellColumns(header: string[], figures: Figure[]): void {
  const letters = new Map(header.map((h, k) => [h, cellAddress(1, k + 1).slice(0, -1)]));
  for (const f of figures) {
    const letter = letters.get(f.at.column);
    if (letter) f.at = { ...f.at, column: `${f.at.column} (${letter})` };
  }
}

/** What each side file sets, for `quartiers validate`. */
function sideFiles(files: SourceFile[]): string[] {
  const paths = files.map((f) => f.path);
  return files
    .filter((f) => f.path.endsWith('.annee'))
    .map((f) => {
      const year = Number(Buffer.from(f.bytes).toString('utf8').replace(/^\ufeff/, '').trim());
      const stem = f.path.replace(/\.annee$/, '');
      const target = paths.find((p) => p !== f.path && p.replace(/\.[^./]+$/, '') === stem);
      return target ? msg.sideFileYear(f.path, year, target) : msg.sideFileOrphan(f.path, year);
    })
    .sort();
}

function sortSummaries(s: Sources): Sources {
  s.files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return s;
}

/** Side files `<nom>.encodage` (« utf-8 », « windows-1252 »): the encoding of `<nom>.*`, by path without extension. */
function declaredEncodings(files: SourceFile[], errors: DataError[]): Map<string, 'utf-8' | 'windows-1252'> {
  const declared = new Map<string, 'utf-8' | 'windows-1252'>();
  for (const f of files) {
    if (!f.path.endsWith('.encodage')) continue;
    const text = Buffer.from(f.bytes.subarray(0, 100)).toString('utf8');
    const enc = parseDeclaredEncoding(text);
    if (enc) declared.set(f.path.replace(/\.encodage$/, ''), enc);
    else errors.push(new DataError(msg.badSidecarEncoding(f.path, text.trim()), { file: f.path, line: 1 }));
  }
  return declared;
}

/** Bytes → decoded, parsed table, or a DataError that says why not. */
function parseSourceFile(file: SourceFile, decode: (file: SourceFile) => DecodedText): Parsed {
  if (file.bytes.length === 0) throw new DataError(msg.emptyFile(file.path), { file: file.path });
  if (looksUtf16WithoutBom(file.bytes)) throw new DataError(msg.unknownEncoding(file.path), { file: file.path });
  if (looksBinary(file.bytes)) throw new DataError(msg.binaryFile(file.path), { file: file.path });
  const { text, encoding } = decode(file);
  const table = parseCsvTable(text, file.path);
  if (table.rows.length === 0) throw new DataError(msg.headerOnly(file.path, table.headerLine), { file: file.path, line: table.headerLine });
  return { file, table, encoding: ENCODING_LABELS[encoding], sha256: sha256(file.bytes) };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

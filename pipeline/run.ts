// `quartiers run`: lock, read and hash the sources, skip when nothing changed
// (`--if-changed`), then measure, render every phase into a staging folder,
// write the manifest and publish the whole folder at once.
// The heavy modules (ingestion, measures, renderers) are imported only once
// the run knows it has work to do, so that `--if-changed` answers fast.

import { promises as fs } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Sources, SourceFile } from '../lib/ingest/read-sources.ts';
import type { Warning } from '../lib/model/types.ts';
import { UsageError } from '../lib/errors.ts';
import { msg } from '../lib/messages/index.ts';
import { resolveQuartierCodes, type Format, type RunOptions } from './args.ts';
import type { ReportModel } from '../lib/report/model.ts';
import { GROUPED_NOTES, type Logger } from './log.ts';
import type { JournalEntry } from '../lib/report/journal.ts';
import { readSourcesDir, type SourcesDir } from './read-sources-dir.ts';
import { createOutputWriter, type OutputWriter } from './output-writer.ts';
import { openPreviousPublication } from './previous-publication.ts';
import { renderBuild } from './render-build.ts';
import { cleanLeftovers, type Cleanup, outState, publishFolder, restoreOutput, stagingName, versionStamp } from './publish.ts';
import { acquireLock } from './lock.ts';
import { errnoText, isSystemError } from '../lib/messages/errno.ts';
import { foreignFiles, JOURNAL, openWriteJournal, removeOwned, unlistedFiles, type WriteJournal } from './owned-files.ts';
import { fileEntry, inputFingerprint, MANIFEST, outputsPresent, readManifest, stableStringify, type Manifest } from './manifest.ts';
import { createChartReadiness, type ChartReadiness } from './chart-readiness.ts';
import type { OutputPhase } from './phases/phase.ts';
import { collectGarbage } from './heap.ts';
import { changesSincePublished } from './changes-since.ts';
import { phaseProgress, type PhaseProgress } from './phase-progress.ts';
import { settleTogether, type GroupJob } from './settle-together.ts';

export interface RunEffects {
  log: Logger;
  now: () => Date;
  clock: () => number;
  toolVersion: string;
  /** Throws when a signal asked the run to stop. */
  checkpoint: () => void;
  /** The signal received, if any (read once publishing has begun and can no longer stop). */
  stopSignal?: () => NodeJS.Signals | null;
  /** Registers the staging folder so that a signal handler can remove it. */
  onStaging?: (dir: string | null) => void;
  /** Test-only hooks (see cli.ts): called at each named moment of the run. */
  reached?: (label: string) => void;
  /** Test-only: pause this long at each moment, to make a run last. */
  delayMs?: number;
  /** Test-only: the system error the n-th output write fails with, if any (a full disk). */
  writeFault?: (n: number) => NodeJS.ErrnoException | null;
}


async function parseSources(dir: string, files: SourceFile[], warnings: Warning[], keepAllTerritories: boolean): Promise<Sources> {
  if (files.length === 0) throw new UsageError(msg.noSources(dir));
  const { readSources } = await import('../lib/ingest/read-sources.ts');
  const sources = readSources(files, { keepAllTerritories });
  sources.warnings.unshift(...warnings);
  return sources;
}

/**
 * Before any work: the output path must be a folder we can create siblings
 * beside, apart from the sources (the tool never reads its own output).
 */
export async function checkOutputWritable(out: string, sources?: string): Promise<void> {
  if (out.trim() === '') throw new UsageError(msg.emptyFolderOption('--out'));
  if (sources !== undefined && sources.trim() === '') throw new UsageError(msg.emptyFolderOption('--sources'));
  if (sources !== undefined) {
    const [o, s] = await Promise.all([realPathSoFar(out), realPathSoFar(sources)]);
    if (o === s || o.startsWith(s + path.sep)) throw new UsageError(msg.outInsideSources(out, sources));
    if (s.startsWith(o + path.sep)) throw new UsageError(msg.sourcesInsideOut(out, sources));
  }
  const parent = path.dirname(path.resolve(out));
  try {
    await fs.mkdir(parent, { recursive: true });
    await fs.access(parent, fs.constants.W_OK);
  } catch (e) {
    throw new UsageError(msg.outNotWritable(out, errnoText(e)));
  }
  const state = await outState(out);
  if (state.kind === 'other') throw new UsageError(msg.outIsFile(out));
  if (state.kind === 'foreign-link') throw new UsageError(msg.outForeignLink(out, state.target));
  // A publication replaces the whole folder: never one that holds files its manifest does not name
  // (a user's notes, archives). A plain folder (published in place by older versions, or a copied
  // manifest.json) must match its manifest byte for byte. In the published version, a named file whose
  // bytes changed (edited, damaged) does not stop the run: the replaced version is kept aside whole
  // when its turn to be removed comes (owned-files.ts).
  if (state.kind === 'directory' || (state.kind === 'managed-link' && state.complete)) {
    const foreign = state.kind === 'directory' ? await foreignFiles(out) : await unlistedFiles(out);
    if (foreign.length) throw new UsageError(msg.outHoldsForeignFiles(out, foreign));
  }
}

/** The real path of `p`: its longest existing ancestor resolved through links, the rest appended. */
async function realPathSoFar(p: string): Promise<string> {
  const abs = path.resolve(p);
  const rest: string[] = [];
  let dir = abs;
  for (;;) {
    const real = await fs.realpath(dir).catch(() => null);
    if (real !== null) return path.join(real, ...rest.reverse());
    const parent = path.dirname(dir);
    if (parent === dir) return abs;
    rest.push(path.basename(dir));
    dir = parent;
  }
}

interface HashedInputs {
  entries: ReturnType<typeof fileEntry>[];
  /** The options that change the outputs, as the manifest records them. */
  options: Record<string, unknown>;
  fingerprint: string;
}

/** Every input with its sha256, and the fingerprint of inputs, options and tool that `--if-changed` compares. */
function hashInputs(dir: SourcesDir, opts: RunOptions, toolVersion: string): HashedInputs {
  // A file that is not data is listed by size: its bytes are never read, so it has no hash.
  const entries = dir.files.map((f) => (f.unreadSize === undefined ? fileEntry(f.path, f.bytes) : { fichier: f.path, sha256: '', octets: f.unreadSize }));
  const options = { annee: opts.year ?? null, quartiers: opts.quartiers ?? null, formats: [...opts.formats].sort(), ...(opts.allQuartiers ? { tous_les_quartiers: true } : {}) };
  return { entries, options, fingerprint: inputFingerprint(entries, options, toolVersion) };
}

/** This process's staging folder, empty. One by this name left by an earlier process with the same pid is removed if it is the tool's. */
async function openStaging(out: string, fx: RunEffects): Promise<string> {
  const staging = stagingName(out, process.pid);
  const foreign = await removeOwned(staging);
  if (foreign.length) throw new UsageError(msg.outHoldsForeignFiles(staging, foreign));
  fx.onStaging?.(staging);
  await fs.mkdir(staging, { recursive: true });
  return staging;
}

/** manifest.json: inputs, options and every output with its sha256 and key. From then on it proves which files are the tool's. */
async function writeManifest(writer: OutputWriter, staging: string, journal: WriteJournal, model: ReportModel, inputs: HashedInputs, toolVersion: string): Promise<void> {
  const manifest: Manifest = {
    outil: { nom: 'quartiers', version: toolVersion },
    genere_le: model.generatedAt,
    annee: model.year,
    empreinte_entrees: inputs.fingerprint,
    options: inputs.options,
    entrees: [...inputs.entries].sort((a, b) => (a.fichier < b.fichier ? -1 : 1)),
    sorties: [...writer.written.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([fichier, w]) => ({ fichier, sha256: w.sha256, octets: w.bytes, ...(w.key === undefined ? {} : { cle: w.key }) })),
  };
  await writer.write(MANIFEST, stableStringify(manifest, 2) + '\n');
  // The write journal is not published: the manifest now names every file.
  journal.close();
  await fs.rm(path.join(staging, JOURNAL), { force: true });
}

/** The run's last lines: the publication event, the digest of repeated messages and the summary (or a signal that came too late to stop it). */
function reportPublished(out: string, model: ReportModel, files: number, reused: number, seconds: number, fx: RunEffects): number {
  const log = fx.log;
  log.event({ event: 'publication', dossier: out, fichiers: files, duree_ms: Math.round(seconds * 1000) });
  const late = fx.stopSignal?.();
  if (late) {
    log.warn(msg.interruptedAfterPublish(late, out), { event: 'interruption', signal: late, publie: true });
    return late === 'SIGINT' ? 130 : 143;
  }
  const digest = log.digest?.() ?? { lines: [], warnings: model.warnings.length };
  for (const line of digest.lines) log.info(line);
  log.info(msg.summary(model.quartiers.length, model.rows.length, files, out, seconds, digest.warnings, reused), {
    event: 'fin', quartiers: model.quartiers.length, valeurs: model.rows.length, fichiers: files, reutilises: reused, avertissements: digest.warnings, duree_ms: Math.round(seconds * 1000),
  });
  return 0;
}

/**
 * Reads the sources and measures them. Only the model leaves: the figures
 * and the rows outside the report are collected once it returns (a national
 * run otherwise held its 200 000 figures to the end).
 */
async function readAndMeasure(opts: RunOptions, dir: SourcesDir, t0: number, fx: RunEffects, step: (label: string) => Promise<void>) {
  const log = fx.log;
  const sources = await parseSources(opts.sources, dir.files, dir.warnings, opts.allQuartiers);
  const { decideScope } = await import('../lib/ingest/scope.ts');
  const scope = decideScope(sources, { all: opts.allQuartiers });
  sources.registry = scope.registry;
  sources.warnings = scope.warnings;
  const tIngest = fx.clock();
  log.progress?.done(msg.phaseDone('lecture', msg.countFilesRead(dir.files.length, sources.figures.length), (tIngest - t0) / 1000));
  log.event({ event: 'phase', phase: 'lecture', fichiers: dir.files.length, valeurs: sources.figures.length, duree_ms: Math.round(tIngest - t0) });
  for (const note of scope.notes) log.info(note, { event: 'perimetre', mode: scope.mode, contexte: scope.contextQuartiers });
  for (const w of sources.warnings) log.warn(msg.warningPrefix + w.message, { event: 'avertissement', code: w.code });
  await step('lecture');
  fx.checkpoint();

  log.progress?.start('mesures');
  const [{ normalizeAgainstBaseline }, { buildReportModel, yearsOf }, { PHASES }] = await Promise.all([
    import('../lib/measures/baseline.ts'),
    import('../lib/report/model.ts'),
    import('./phases/index.ts'),
  ]);
  if (opts.quartiers) opts = { ...opts, quartiers: resolveQuartierCodes(opts.quartiers, knownQuartierCodes(sources, scope.mode === 'tous')) };
  const rows = normalizeAgainstBaseline(sources, { scope: opts.quartiers, publishAll: scope.mode === 'tous' });
  const years = yearsOf(rows);
  const year = opts.year ?? years[years.length - 1]!;
  if (opts.year !== undefined && !years.includes(opts.year)) throw new UsageError(msg.yearAbsent(opts.year, years));
  if (opts.quartiers) {
    for (const code of opts.quartiers) {
      if (rows.some((r) => r.quartier_code === code || r.quartier_code_2015 === code)) continue;
      // In the registry, but no source gives it a figure (the scope's warning said why).
      const registered = sources.registry.quartiers.find((q) => q.code === code || q.code2015 === code);
      if (registered) throw new UsageError(msg.quartierOptionWithoutFigures(code, registered.name));
      resolveQuartierCodes([code], rows.flatMap((r) => [r.quartier_code, r.quartier_code_2015]));
    }
  }
  const model = buildReportModel({ sources, rows, year, only: opts.quartiers, generatedAt: fx.now().toISOString(), toolVersion: fx.toolVersion });
  const tMeasures = fx.clock();
  log.progress?.done(msg.phaseDone('mesures', msg.countRows(rows.length), (tMeasures - tIngest) / 1000));
  log.event({ event: 'phase', phase: 'mesures', lignes: rows.length, duree_ms: Math.round(tMeasures - tIngest) });
  await step('mesures');
  fx.checkpoint();
  return { model, PHASES, scopeNotes: scope.notes };
}

/** Every quartier code the run publishes: the registry's, and those of quartier figures when every quartier is published. */
function knownQuartierCodes(sources: Sources, all: boolean): string[] {
  const codes = sources.registry.quartiers.flatMap((q) => [q.code, q.code2015]);
  if (all) for (const f of sources.figures) if (f.level === 'quartier') codes.push(f.quartierCode ?? f.territory);
  return codes;
}

/** Takes the output folder's lock, waiting `--attendre` seconds at most; the release is the caller's. */
async function lockOutput(opts: RunOptions, fx: RunEffects): Promise<() => Promise<void>> {
  const out = opts.out;
  try {
    return await acquireLock(out, {
      now: new Date(), // the real start time, even when SOURCE_DATE_EPOCH pins the reports' date
      waitMs: opts.waitSeconds * 1000,
      message: (h, waited) => (waited ? msg.lockedAfterWait(out, h.pid, h.started, waited / 1000) : msg.locked(out, h.pid, h.started)),
      onWait: (h) => fx.log.info(msg.waiting(out, h.pid, h.started), { event: 'attente', pid: h.pid, debut: h.started }),
      checkpoint: fx.checkpoint,
    });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code) throw new UsageError(msg.outNotWritable(out, errnoText(e)));
    throw e;
  }
}

/** `--if-changed`: whether the published version was made from these very inputs and options, and is whole. */
async function alreadyPublished(out: string, fingerprint: string, log: Logger, elapsedMs: () => number): Promise<boolean> {
  const previous = await readManifest(out);
  if (previous?.empreinte_entrees !== fingerprint) return false;
  if (await outputsPresent(out, previous)) {
    log.info(msg.unchanged(out), { event: 'inchange', dossier: out, empreinte: fingerprint, duree_ms: Math.round(elapsedMs()) });
    return true;
  }
  log.warn(msg.publishedIncomplete(out), { event: 'republication', dossier: out });
  return false;
}

interface PhasesContext {
  model: ReportModel;
  formats: Set<Format>;
  writer: OutputWriter;
  /** What the phases say, also kept for journal.txt. */
  phaseLog: Logger;
  inFlight: WritesInFlight;
  fx: RunEffects;
  step: (label: string) => Promise<void>;
}

/**
 * Runs the selected output phases in order; a phase `alongside` another
 * starts with it (the workbooks with the charts, fed chart by chart), and the
 * two stop together. Returns how many files were taken from the previous
 * publication.
 */
async function runOutputPhases(selected: OutputPhase[], c: PhasesContext): Promise<number> {
  const { model, writer, phaseLog, inFlight, fx, step } = c;
  const log = fx.log;
  let reused = 0;
  // A phase `alongside` another starts with it (the workbooks with the charts, fed chart by chart).
  const leads = (p: OutputPhase) => selected.filter((q) => q.alongside === p.name);
  const runsAlongside = (p: OutputPhase) => p.alongside !== undefined && selected.some((q) => q.name === p.alongside);
  const runPhase = async (phase: OutputPhase, charts: ChartReadiness | undefined, foreground: boolean, groupCheckpoint?: () => void) => {
    const checkpoint = groupCheckpoint
      ? () => {
          fx.checkpoint();
          groupCheckpoint();
        }
      : fx.checkpoint;
    checkpoint();
    const t = fx.clock();
    if (foreground) log.progress?.start(phase.name);
    const progress = phaseProgress(phase.name, log, fx.clock, foreground);
    const phaseOut = phaseWriter(writer, phase.name, fx, log, step, inFlight, foreground, progress);
    const { count } = await phase.run(model, phaseOut, c.formats, { log: phaseLog, clock: fx.clock, checkpoint, charts, planned: progress.planned });
    const elapsed = fx.clock() - t;
    log.progress?.done(msg.phaseDone(phase.name, msg.countFiles(phaseOut.paths.length), elapsed / 1000));
    log.event({ event: 'phase', phase: phase.name, unites: count, fichiers: phaseOut.paths.length, reutilises: phaseOut.reused, duree_ms: Math.round(elapsed), sorties: phaseOut.paths });
    reused += phaseOut.reused;
    await step(`phase:${phase.name}`);
  };
  for (const phase of selected) {
    if (runsAlongside(phase)) continue;
    // Measuring and the tidy table leave their garbage on the heap (V8
    // collects lazily): collected now, the workers get the memory.
    if (phase.usesWorkers) collectGarbage();
    const companions = leads(phase);
    if (companions.length === 0) {
      await runPhase(phase, undefined, true);
      continue;
    }
    // The readiness ends with the leading phase whatever happens: a companion waiting for charts is never left hanging.
    const charts = createChartReadiness();
    const lead: GroupJob = async (stop) => {
      await runPhase(phase, charts, true, stop);
      charts.end();
    };
    await settleTogether([lead, ...companions.map((companion): GroupJob => (stop) => runPhase(companion, charts, false, stop))], (e) => charts.end(e));
  }
  return reused;
}

/** journal.txt: the run's warnings and notes, in an order that does not depend on timing. */
async function journalOf(model: ReportModel, scope: string[], phaseEntries: JournalEntry[]): Promise<string> {
  const { journalText } = await import('../lib/report/journal.ts');
  // Phases run alongside each other: their entries are sorted so that the journal's bytes do not depend on timing.
  const entries = [...phaseEntries].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : a.message < b.message ? -1 : a.message > b.message ? 1 : 0));
  return journalText({
    year: model.year,
    scope,
    warnings: [...model.warnings.map((w) => ({ code: w.code, message: w.message })), ...entries.filter((e) => !GROUPED_NOTES.has(e.code))],
    notes: entries.filter((e) => GROUPED_NOTES.has(e.code)),
  });
}

export async function runCommand(opts: RunOptions, fx: RunEffects): Promise<number> {
  const t0 = fx.clock();
  const out = opts.out;
  const log = fx.log;
  const step = async (label: string) => {
    fx.reached?.(label);
    if (fx.delayMs) await new Promise((r) => setTimeout(r, fx.delayMs));
  };
  await checkOutputWritable(out, opts.sources);
  const release = await lockOutput(opts, fx);
  let staging: string | null = null;
  let journal: WriteJournal | null = null;
  const inFlight: WritesInFlight = { closed: false, count: 0, pending: new Set() };
  try {
    // Relink first: while the output path is missing, every version looks unpublished.
    const restored = await restoreOutput(out);
    if (restored) log.warn(msg.outputRestored(out, restored), { event: 'retablissement', version: restored });
    reportCleanup(await cleanLeftovers(out), log);
    await step('verrou');

    // Read and hash every input first: enough to know whether anything changed.
    // (Waiting for the lock and removing the replaced version are not reading: the phase starts here.)
    const tRead = fx.clock();
    log.progress?.start('lecture');
    const dir = await readSourcesDir(opts.sources);
    const inputs = hashInputs(dir, opts, fx.toolVersion);
    if (opts.ifChanged && (await alreadyPublished(out, inputs.fingerprint, log, () => fx.clock() - t0))) return 0;
    fx.checkpoint();

    const { model, PHASES, scopeNotes } = await readAndMeasure(opts, dir, tRead, fx, step);
    model.changes = await changesSincePublished(out, model.rows);
    // What the outputs' phases say (warnings, charts left out) goes to journal.txt as well as to the log.
    const phaseEntries: JournalEntry[] = [];
    const phaseLog = recordingLogger(log, phaseEntries);

    staging = await openStaging(out, fx);
    // The previous publication is the cache: a file whose key did not change is taken from it.
    journal = openWriteJournal(staging);
    const writer = createOutputWriter(staging, { build: renderBuild(fx.toolVersion), previous: opts.rebuild ? null : await openPreviousPublication(out) }, { journal });
    const selected = PHASES.filter((p) => p.formats.some((f) => opts.formats.has(f)));
    const reused = await runOutputPhases(selected, { model, formats: opts.formats, writer, phaseLog, inFlight, fx, step });
    fx.checkpoint();

    await writer.write(SOURCES_JOURNAL, await journalOf(model, scopeNotes, phaseEntries));
    await writeManifest(writer, staging, journal, model, inputs, fx.toolVersion);
    await step('manifeste');
    // The last moment a signal can stop the run; publishing takes a few ms and is always completed.
    fx.checkpoint();
    const published = await publishFolder(staging, out, `${versionStamp(new Date())}-${randomBytes(3).toString('hex')}`, (label) => fx.reached?.(label));
    staging = null;
    fx.onStaging?.(null);
    reportCleanup(published.cleanup, log);
    await step('publie');

    return reportPublished(out, model, writer.written.size, reused, (fx.clock() - t0) / 1000, fx);
  } catch (e) {
    // A full disk, a lost network share: an environment problem (exit 2), not a defect of the tool.
    if (isSystemError(e)) throw new UsageError(msg.runSystemError(out, errnoText(e)));
    throw e;
  } finally {
    await settleWrites(inFlight);
    journal?.close();
    if (staging) await fs.rm(staging, { recursive: true, force: true }).catch(() => {});
    fx.onStaging?.(null);
    await release();
  }
}

function reportCleanup(cleanup: Cleanup, log: Logger): void {
  if (cleanup.removed.length) log.info(msg.leftoversRemoved(cleanup.removed), { event: 'nettoyage', supprimes: cleanup.removed });
  for (const k of cleanup.kept) log.warn(msg.warningPrefix + msg.leftoverKept(k.name, k.foreign), { event: 'conserve', dossier: k.name, fichiers: k.foreign });
}

/** The full account of the run's messages, published with the reports. */
const SOURCES_JOURNAL = 'journal.txt';

/** A logger that also keeps the phases' warnings and repeated notes for journal.txt. */
function recordingLogger(log: Logger, into: JournalEntry[]): Logger {
  const strip = (text: string) => (text.startsWith(msg.warningPrefix) ? text.slice(msg.warningPrefix.length) : text);
  return {
    ...log,
    info(text, e) {
      if (e && GROUPED_NOTES.has(e.event)) into.push({ code: e.event, message: text });
      log.info(text, e);
    },
    warn(text, e) {
      if (e?.event === 'avertissement') into.push({ code: String(e.code ?? e.event), message: strip(text) });
      log.warn(text, e);
    },
  };
}

/**
 * Writes still running when a phase fails or is interrupted (a phase that
 * writes in parallel stops at the first error while its other writes go on):
 * the run waits for them before removing the staging folder, and refuses new ones.
 */
interface WritesInFlight {
  closed: boolean;
  /** Writes begun, all phases together. */
  count: number;
  pending: Set<Promise<unknown>>;
}

async function settleWrites(w: WritesInFlight): Promise<void> {
  w.closed = true;
  while (w.pending.size) await Promise.allSettled([...w.pending]);
}

/** The writer a phase sees: every write is a checkpoint, counted for the progress display. */
function phaseWriter(
  base: OutputWriter,
  phase: string,
  fx: RunEffects,
  log: Logger,
  step: (label: string) => Promise<void>,
  inFlight: WritesInFlight,
  /** Whether this phase owns the progress line (a phase running alongside another does not). */
  foreground = true,
  progress?: PhaseProgress,
): OutputWriter & { paths: string[]; readonly reused: number } {
  const paths: string[] = [];
  let reused = 0;
  const tracked = async <T>(p: string, work: () => Promise<T>): Promise<T> => {
    fx.checkpoint();
    if (inFlight.closed) throw new Error(`écriture après la fin de la phase ${phase} : ${p}`);
    const fault = fx.writeFault?.(++inFlight.count);
    if (fault) throw fault;
    const writing = work();
    inFlight.pending.add(writing);
    try {
      return await writing;
    } finally {
      inFlight.pending.delete(writing);
    }
  };
  const done = async (p: string) => {
    paths.push(p.split(path.sep).join('/'));
    if (!progress?.advanced(paths.length) && foreground) log.progress?.update(msg.countFiles(paths.length));
    await step(`fichier:${phase}:${paths.length}`);
  };
  return {
    paths,
    get reused() {
      return reused;
    },
    written: base.written,
    read: (p) => base.read(p),
    keyOf: (madeFrom) => base.keyOf(madeFrom),
    async reuse(p, key) {
      const taken = await tracked(p, () => base.reuse(p, key));
      if (taken) {
        reused++;
        await done(p);
      }
      return taken;
    },
    async write(p, bytes, key) {
      await tracked(p, () => base.write(p, bytes, key));
      await done(p);
    },
  };
}

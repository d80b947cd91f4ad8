// `quartiers run` and `quartiers validate`: read, validate, measure, render,
// publish. The only module that sequences file-system work.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { readSources, type Sources } from '../lib/ingest/read-sources.ts';
import { normalizeAgainstBaseline } from '../lib/measures/baseline.ts';
import { buildReportModel, yearsOf } from '../lib/report/model.ts';
import { UsageError } from '../lib/errors.ts';
import { msg } from '../lib/messages/index.ts';
import type { RunOptions } from './args.ts';
import type { Logger } from './log.ts';
import { readSourcesDir } from './read-sources-dir.ts';
import { createOutputWriter } from './output-writer.ts';
import { cleanLeftovers, publishFolder, stagingName } from './publish.ts';
import { acquireLock } from './lock.ts';
import { inputFingerprint, stableStringify, type Manifest } from './manifest.ts';
import { PHASES } from './phases/index.ts';

export interface RunEffects {
  log: Logger;
  now: () => Date;
  clock: () => number;
  toolVersion: string;
  /** Throws when a signal asked the run to stop. */
  checkpoint: () => void;
  /** Registers the staging folder so that a signal handler can remove it. */
  onStaging?: (dir: string | null) => void;
}

export async function loadSources(dir: string, log: Logger): Promise<Sources> {
  const { files, warnings } = await readSourcesDir(dir);
  if (files.length === 0) throw new UsageError(msg.noSources(dir));
  const sources = readSources(files);
  sources.warnings.unshift(...warnings);
  void log;
  return sources;
}

export async function runCommand(opts: RunOptions, fx: RunEffects): Promise<number> {
  const t0 = fx.clock();
  const out = opts.out;
  await fs.mkdir(path.dirname(path.resolve(out)), { recursive: true });
  const release = await acquireLock(out, fx.now(), (h) => msg.locked(out, h.pid, h.started));
  let staging: string | null = null;
  try {
    await cleanLeftovers(out);
    const sources = await loadSources(opts.sources, fx.log);
    const inputs = sources.files.map((f) => ({ fichier: f.file, sha256: f.sha256 }));
    const optionsForHash = { annee: opts.year ?? null, quartiers: opts.quartiers ?? null, formats: [...opts.formats].sort() };
    const fingerprint = inputFingerprint(inputs, optionsForHash, fx.toolVersion);
    if (opts.ifChanged) {
      const previous = await readManifest(out);
      if (previous?.empreinte_entrees === fingerprint) {
        fx.log.info(msg.unchanged(out), { event: 'inchange' });
        return 0;
      }
    }
    const tIngest = fx.clock();
    fx.log.event({ event: 'phase', phase: 'lecture', fichiers: sources.files.length, valeurs: sources.figures.length, duree_ms: Math.round(tIngest - t0) });
    for (const w of sources.warnings) fx.log.warn(msg.warningPrefix + w.message, { event: 'avertissement', code: w.code });

    const rows = normalizeAgainstBaseline(sources);
    const years = yearsOf(rows);
    const year = opts.year ?? years[years.length - 1]!;
    if (opts.year !== undefined && !years.includes(opts.year)) throw new UsageError(msg.yearAbsent(opts.year, years));
    if (opts.quartiers) {
      for (const code of opts.quartiers) {
        if (!rows.some((r) => r.quartier_code === code || r.quartier_code_2015 === code)) throw new UsageError(msg.unknownQuartierOption(code));
      }
    }
    const model = buildReportModel({ sources, rows, year, only: opts.quartiers, generatedAt: fx.now().toISOString(), toolVersion: fx.toolVersion });
    const tMeasures = fx.clock();
    fx.log.event({ event: 'phase', phase: 'mesures', lignes: rows.length, duree_ms: Math.round(tMeasures - tIngest) });

    staging = stagingName(out, process.pid);
    await fs.rm(staging, { recursive: true, force: true });
    await fs.mkdir(staging, { recursive: true });
    fx.onStaging?.(staging);
    const writer = createOutputWriter(staging);
    for (const phase of PHASES) {
      if (!phase.formats.some((f) => opts.formats.has(f))) continue;
      fx.checkpoint();
      const t = fx.clock();
      const { count } = await phase.run(model, writer, opts.formats, { log: fx.log, clock: fx.clock, checkpoint: fx.checkpoint });
      fx.log.event({ event: 'phase', phase: phase.name, fichiers: count, duree_ms: Math.round(fx.clock() - t) });
    }
    fx.checkpoint();
    const manifest: Manifest = {
      outil: { nom: 'quartiers', version: fx.toolVersion },
      genere_le: model.generatedAt,
      empreinte_entrees: fingerprint,
      options: optionsForHash,
      entrees: sources.files.map((f) => ({ fichier: f.file, sha256: f.sha256, octets: 0 })),
      sorties: [...writer.written.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([fichier, w]) => ({ fichier, sha256: w.sha256, octets: w.bytes })),
    };
    await writer.write('manifest.json', stableStringify(manifest, 2) + '\n');
    fx.checkpoint();
    await publishFolder(staging, out);
    staging = null;
    fx.onStaging?.(null);
    const files = writer.written.size;
    fx.log.event({ event: 'publication', dossier: out, fichiers: files, duree_ms: Math.round(fx.clock() - t0) });
    fx.log.info(msg.summary(model.quartiers.length, model.rows.length, files, out, (fx.clock() - t0) / 1000, sources.warnings.length), { event: 'fin', quartiers: model.quartiers.length, valeurs: model.rows.length, fichiers: files });
    return 0;
  } finally {
    if (staging) await fs.rm(staging, { recursive: true, force: true }).catch(() => {});
    fx.onStaging?.(null);
    await release();
  }
}

async function readManifest(out: string): Promise<Manifest | null> {
  try {
    return JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

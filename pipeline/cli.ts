// The command line: parse, run, and the one place that turns errors into
// French messages and exit statuses. Sets process.exitCode, never exits.

import { readFileSync } from 'node:fs';
import { repoPath } from './repo-path.ts';
import { QuartiersError, DataErrors } from '../lib/errors.ts';
import { msg } from '../lib/messages/index.ts';
import { parseArgs, type RunOptions } from './args.ts';
import { helpText } from '../lib/messages/help.ts';
import { createLogger, wantsProgress, type Logger } from './log.ts';
import { runCommand } from './run.ts';
import { validateCommand } from './validate.ts';
import { digestErrors } from './error-digest.ts';
import { verifyFolder } from './manifest.ts';

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(repoPath('package.json'), 'utf8')) as { version: string };
  return pkg.version;
}

/**
 * Test-only hooks, read from the environment (documented in
 * docs/planification.md): QUARTIERS_TEST_DELAY_MS pauses at each named moment
 * of a run, QUARTIERS_TEST_KILL_AT=<moment> kills the process with SIGKILL
 * there, as a crash or `kill -9` would, QUARTIERS_TEST_TERM_AT=<moment> sends
 * it SIGTERM there (e.g. in the middle of the publication).
 */
function testHooks(env: NodeJS.ProcessEnv): { reached?: (label: string) => void; delayMs?: number; writeFault?: (n: number) => NodeJS.ErrnoException | null } {
  const killAt = env.QUARTIERS_TEST_KILL_AT;
  // QUARTIERS_TEST_WRITE_FAULT=<n>:<CODE>: the n-th output write and the next fail as a full disk would (ENOSPC).
  const fault = /^(\d+):(E[A-Z]+)$/.exec(env.QUARTIERS_TEST_WRITE_FAULT ?? '');
  const termAt = env.QUARTIERS_TEST_TERM_AT;
  const delayMs = Number(env.QUARTIERS_TEST_DELAY_MS) || 0;
  return {
    delayMs,
    writeFault: fault
      ? (n) => (n >= Number(fault[1]) ? Object.assign(new Error(`${fault[2]}: injected, write`), { code: fault[2], syscall: 'write', errno: -28 }) : null)
      : undefined,
    reached: killAt || termAt
      ? (label) => {
          if (label === termAt) process.kill(process.pid, 'SIGTERM');
          if (label !== killAt) return;
          process.kill(process.pid, 'SIGKILL');
          Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5000);
        }
      : undefined,
  };
}

class Interrupted extends Error {
  constructor(readonly signal: NodeJS.Signals) {
    super(signal);
  }
}

export async function main(argv: string[]): Promise<number> {
  let opts: RunOptions | undefined;
  let log: Logger = createLogger({ mode: 'texte', quiet: false });
  let stopRequested: NodeJS.Signals | null = null;
  let staging: string | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) return;
    stopRequested = signal;
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  // A reader that goes away (`| head`) must not crash the run and leave its lock behind.
  const onPipeError = (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  };
  process.stdout.on('error', onPipeError);
  process.stderr.on('error', onPipeError);
  try {
    opts = parseArgs(argv);
    log = createLogger({ mode: opts.log, quiet: opts.quiet, tty: wantsProgress(opts.log, opts.quiet) });
    if (opts.command === 'help') {
      process.stdout.write(helpText(opts.helpTopic ?? 'general'));
      return 0;
    }
    if (opts.command === 'version') {
      process.stdout.write(`quartiers ${toolVersion()}\n`);
      return 0;
    }
    const fx = {
      log,
      now: () => (process.env.SOURCE_DATE_EPOCH ? new Date(Number(process.env.SOURCE_DATE_EPOCH) * 1000) : new Date()),
      clock: () => performance.now(),
      toolVersion: toolVersion(),
      checkpoint: () => {
        if (stopRequested) throw new Interrupted(stopRequested);
      },
      stopSignal: () => stopRequested,
      onStaging: (d: string | null) => {
        staging = d;
      },
      ...testHooks(process.env),
    };
    if (opts.command === 'validate') return await validateCommand(opts, fx);
    if (opts.command === 'verify') return await verifyCommand(opts.out, log);
    return await runCommand(opts, fx);
  } catch (e) {
    if (e instanceof Interrupted) {
      log.error(msg.interrupted(e.signal), { event: 'interruption', signal: e.signal });
      return e.signal === 'SIGINT' ? 130 : 143;
    }
    if (e instanceof DataErrors) {
      // On the terminal, `run` prints the first errors of each file; every one goes to --log json, and validate lists them all.
      const digest = opts?.command === 'run' && opts.log === 'texte' ? digestErrors(e.errors) : { shown: e.errors, hidden: [] };
      for (const err of digest.shown) log.error(msg.errorPrefix + err.message, { event: 'erreur', ...err.place });
      for (const h of digest.hidden) log.error(msg.errorsNotShown(h.count, h.file, opts!.sources));
      log.error(msg.errorCount(e.errors.length), { event: 'echec', erreurs: e.errors.length });
      return 1;
    }
    if (e instanceof QuartiersError) {
      log.error(msg.errorPrefix + e.message, { event: 'erreur', ...e.place });
      if (e.exitCode === 1) log.error(msg.errorCount(1), { event: 'echec', erreurs: 1 });
      return e.exitCode;
    }
    const detail = e instanceof Error ? e.message : String(e);
    log.error(msg.internalError(detail), { event: 'erreur-interne' });
    if (opts?.debug && e instanceof Error) process.stderr.write(`${e.stack}\n`);
    return 70;
  } finally {
    void staging;
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/** `quartiers verifier`: every published file against manifest.json; 0 when all match, 1 otherwise. */
async function verifyCommand(out: string, log: Logger): Promise<number> {
  const { manifest, problems } = await verifyFolder(out);
  if (!manifest) {
    log.error(msg.errorPrefix + msg.verifyNoManifest(out), { event: 'verification', dossier: out, ok: false });
    return 1;
  }
  const label = { absent: msg.verifyMissing, modifie: msg.verifyChanged, 'en-trop': msg.verifyExtra };
  for (const p of problems) log.error(msg.verifyProblem(p.fichier, label[p.probleme]), { event: 'ecart', fichier: p.fichier, probleme: p.probleme });
  if (problems.length) {
    log.error(msg.verifyFailed(out, problems.length), { event: 'verification', dossier: out, ok: false, ecarts: problems.length });
    return 1;
  }
  log.info(msg.verifyOk(out, manifest.sorties.length), { event: 'verification', dossier: out, ok: true, fichiers: manifest.sorties.length });
  return 0;
}

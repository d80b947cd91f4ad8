// The command line: parse, run, and the one place that turns errors into
// French messages and exit statuses. Sets process.exitCode, never exits.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { QuartiersError, DataErrors } from '../lib/errors.ts';
import { msg } from '../lib/messages/index.ts';
import { HELP, parseArgs, type RunOptions } from './args.ts';
import { createLogger, type Logger } from './log.ts';
import { runCommand } from './run.ts';
import { validateCommand } from './validate.ts';

export function toolVersion(): string {
  const pkg = JSON.parse(readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8')) as { version: string };
  return pkg.version;
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
  try {
    opts = parseArgs(argv);
    log = createLogger({ mode: opts.log, quiet: opts.quiet });
    if (opts.command === 'help') {
      process.stdout.write(HELP);
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
      onStaging: (d: string | null) => {
        staging = d;
      },
    };
    return opts.command === 'validate' ? await validateCommand(opts, fx) : await runCommand(opts, fx);
  } catch (e) {
    if (e instanceof Interrupted) {
      log.error(msg.interrupted(e.signal), { event: 'interruption', signal: e.signal });
      return e.signal === 'SIGINT' ? 130 : 143;
    }
    if (e instanceof DataErrors) {
      for (const err of e.errors) log.error(msg.errorPrefix + err.message, { event: 'erreur', ...err.place });
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

// Logs go to stderr as French text, or to stdout as one JSON object per
// event (`--log json`). `--quiet` keeps errors only. On a terminal (and not
// in CI), a progress line per phase is redrawn in place; anywhere else no
// escape code is ever written, so a cron mail stays plain text.

export interface LogEvent {
  event: string;
  [key: string]: unknown;
}

export interface Progress {
  /** A phase begins; `counts` describes what it has done so far. */
  start(phase: string): void;
  update(counts: string): void;
  /** The phase's final line (kept on screen). */
  done(line: string): void;
}

export interface Logger {
  info(text: string, event?: LogEvent): void;
  warn(text: string, event?: LogEvent): void;
  error(text: string, event?: LogEvent): void;
  /** Events that only log collectors want (phase timings, outputs). */
  event(event: LogEvent): void;
  /** The terminal's progress display (absent from hand-made loggers in tests). */
  progress?: Progress;
}

export interface LoggerOptions {
  mode: 'texte' | 'json';
  quiet: boolean;
  /** Draw the progress display (a terminal, not CI, not quiet). */
  tty?: boolean;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  now?: () => Date;
  clock?: () => number;
}

/** Whether this process may draw a progress display on stderr. */
export function wantsProgress(mode: 'texte' | 'json', quiet: boolean, env: NodeJS.ProcessEnv = process.env): boolean {
  return mode === 'texte' && !quiet && process.stderr.isTTY === true && !env.CI && env.TERM !== 'dumb';
}

import { msg } from '../lib/messages/index.ts';

const CLEAR_LINE = '\r\x1b[2K';

export function createLogger(o: LoggerOptions): Logger {
  const out = o.stdout ?? ((s: string) => process.stdout.write(s));
  const rawErr = o.stderr ?? ((s: string) => process.stderr.write(s));
  const now = o.now ?? (() => new Date());
  const clock = o.clock ?? (() => performance.now());
  const json = (level: string, message: string | undefined, e?: LogEvent) =>
    out(JSON.stringify({ time: now().toISOString(), level, ...(message ? { message } : {}), ...(e ?? { event: level }) }) + '\n');

  // The progress line, when drawn, is erased before any other message.
  let drawn = false;
  let phase = '';
  let phaseStart = 0;
  let lastDraw = 0;
  const err = (s: string) => {
    if (drawn) rawErr(CLEAR_LINE);
    drawn = false;
    rawErr(s);
  };
  const progress: Progress = o.tty
    ? {
        start(name) {
          phase = name;
          phaseStart = clock();
          lastDraw = phaseStart;
          rawErr(`${CLEAR_LINE}${name}…`);
          drawn = true;
        },
        update(counts) {
          const t = clock();
          if (t - lastDraw < 100) return;
          lastDraw = t;
          rawErr(CLEAR_LINE + msg.phaseRunning(phase, counts, (t - phaseStart) / 1000));
          drawn = true;
        },
        done(line) {
          err(`✓ ${line}\n`);
        },
      }
    : { start() {}, update() {}, done() {} };

  return {
    progress,
    info(text, e) {
      if (o.mode === 'json') json('info', text, e);
      else if (!o.quiet) err(text + '\n');
    },
    warn(text, e) {
      if (o.mode === 'json') json('warn', text, e ?? { event: 'avertissement' });
      else if (!o.quiet) err(text + '\n');
    },
    error(text, e) {
      if (o.mode === 'json') json('error', text, e ?? { event: 'erreur' });
      err(text + '\n');
    },
    event(e) {
      if (o.mode === 'json') json('info', undefined, e);
    },
  };
}

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
  /** A whole progress line, drawn as it is (« graphiques : 1 693 / 5 698 (30 %), reste ≈ 55 s »). */
  line(text: string): void;
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
  /**
   * Lines that close the terminal's account of repeated messages (« … et
   * 2 915 autres du même genre »), and the real count of warnings logged.
   * Absent from hand-made loggers in tests.
   */
  digest?: () => { lines: string[]; warnings: number };
}

/** Notes that may repeat once per quartier or chart: grouped on the terminal like warnings. */
export const GROUPED_NOTES = new Set(['graphique_omis']);

/** Examples of a kind shown on the terminal; the rest are counted (all of them go to journal.txt and --log json). */
export const EXAMPLES_PER_KIND = 3;

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
        line(text) {
          const t = clock();
          if (t - lastDraw < 100) return;
          lastDraw = t;
          rawErr(CLEAR_LINE + text);
          drawn = true;
        },
        done(line) {
          err(`✓ ${line}\n`);
        },
      }
    : { start() {}, update() {}, line() {}, done() {} };

  // Repeated kinds: the first EXAMPLES_PER_KIND are printed, the others counted.
  const kinds = new Map<string, { count: number; label: string }>();
  let warnings = 0;
  const shown = (level: 'info' | 'warn', e: LogEvent | undefined): boolean => {
    if (level === 'info' && !(e && GROUPED_NOTES.has(e.event))) return true;
    const key = `${level}\u0000${String(e?.code ?? e?.event ?? '')}`;
    const k = kinds.get(key) ?? { count: 0, label: level === 'warn' ? msg.digestWarnings : msg.digestNotes };
    k.count++;
    kinds.set(key, k);
    return k.count <= EXAMPLES_PER_KIND;
  };

  return {
    progress,
    info(text, e) {
      if (o.mode === 'json') json('info', text, e);
      else if (!o.quiet && shown('info', e)) err(text + '\n');
    },
    warn(text, e) {
      warnings++;
      if (o.mode === 'json') json('warn', text, e ?? { event: 'avertissement' });
      else if (shown('warn', e) && !o.quiet) err(text + '\n');
    },
    digest() {
      const lines = [...kinds.values()].filter((k) => k.count > EXAMPLES_PER_KIND).map((k) => msg.digestMore(k.count - EXAMPLES_PER_KIND, k.count, k.label));
      return { lines, warnings };
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

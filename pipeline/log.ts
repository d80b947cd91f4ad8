// Logs go to stderr as French text, or to stdout as one JSON object per
// event (`--log json`). `--quiet` keeps errors only.

export interface LogEvent {
  event: string;
  [key: string]: unknown;
}

export interface Logger {
  info(text: string, event?: LogEvent): void;
  warn(text: string, event?: LogEvent): void;
  error(text: string, event?: LogEvent): void;
  /** Events that only log collectors want (phase timings, outputs). */
  event(event: LogEvent): void;
}

export interface LoggerOptions {
  mode: 'texte' | 'json';
  quiet: boolean;
  stdout?: (s: string) => void;
  stderr?: (s: string) => void;
  now?: () => Date;
}

export function createLogger(o: LoggerOptions): Logger {
  const out = o.stdout ?? ((s: string) => process.stdout.write(s));
  const err = o.stderr ?? ((s: string) => process.stderr.write(s));
  const now = o.now ?? (() => new Date());
  const json = (level: string, message: string | undefined, e?: LogEvent) =>
    out(JSON.stringify({ time: now().toISOString(), level, ...(message ? { message } : {}), ...(e ?? { event: level }) }) + '\n');
  return {
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

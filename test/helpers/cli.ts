// Runs the real command line in a child process, with a time limit.

import { spawn, type ChildProcess } from 'node:child_process';
import { REPO } from './bundled.ts';

export interface CliResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, in ms. */
  ms: number;
}

export interface CliOptions {
  cwd?: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}

export interface RunningCli {
  child: ChildProcess;
  /** Resolves when the process has ended (rejects after the time limit, having killed it). */
  done: Promise<CliResult>;
  /** Resolves when stdout (JSON log lines) or stderr contains `text`. */
  waitFor(text: string | RegExp): Promise<void>;
}

export function startCli(args: string[], options: CliOptions = {}): RunningCli {
  return startNode([`${REPO}bin/quartiers.js`, ...args], options);
}

/** The yearly refresh script, run through tsx as `npm run refresh` does. */
export function runRefresh(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startNode([`${REPO}node_modules/tsx/dist/cli.mjs`, `${REPO}pipeline/refresh.ts`, ...args], options).done;
}

function startNode(args: string[], options: CliOptions): RunningCli {
  const t0 = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, TZ: 'UTC', NO_COLOR: '1', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const waiters: { test: (s: string) => boolean; resolve: () => void }[] = [];
  const poke = () => {
    for (const w of [...waiters]) {
      if (w.test(stdout + stderr)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  };
  child.stdout!.on('data', (d) => {
    stdout += d;
    poke();
  });
  child.stderr!.on('data', (d) => {
    stderr += d;
    poke();
  });
  const limit = options.timeoutMs ?? 60_000;
  const done = new Promise<CliResult>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`quartiers ${args.join(' ')} did not end within ${limit} ms\n${stderr}`));
    }, limit);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: performance.now() - t0 });
    });
  });
  const waitFor = (text: string | RegExp) =>
    new Promise<void>((resolve, reject) => {
      const test = (s: string) => (typeof text === 'string' ? s.includes(text) : text.test(s));
      if (test(stdout + stderr)) return resolve();
      waiters.push({ test, resolve });
      done.then((r) => reject(new Error(`ended (${r.code ?? r.signal}) before printing ${text}\n${r.stderr}`)), reject);
    });
  return { child, done, waitFor };
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return startCli(args, options).done;
}

/** The JSON events of a `--log json` run. */
export function jsonEvents(stdout: string): { event: string; [k: string]: unknown }[] {
  return stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

// Runs the real command line in a child process and measures it from the
// outside: wall time (Node start-up included), peak resident memory, and the
// `--log json` events it prints on stdout.

import { spawn } from 'node:child_process';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface LogEvent {
  event: string;
  [key: string]: unknown;
}

export interface ChildRun {
  code: number | null;
  wallMs: number;
  /** Peak resident set size in kB, null when it could not be measured. */
  peakRssKb: number | null;
  rssMethod: string;
  /** User + system CPU seconds of the child: steadier than wall time on a busy machine. Null without GNU time. */
  cpuSeconds: number | null;
  events: LogEvent[];
  stderr: string;
}

const GNU_TIME = '/usr/bin/time';

/** Peak RSS from /proc/<pid>/status (Linux): VmHWM, the high-water mark. */
async function readVmHwm(pid: number): Promise<number | null> {
  const status = await fs.readFile(`/proc/${pid}/status`, 'utf8').catch(() => null);
  const m = status && /^VmHWM:\s+(\d+)\s+kB/m.exec(status);
  return m ? Number(m[1]) : null;
}

export function parseJsonLines(text: string): LogEvent[] {
  const out: LogEvent[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      const e = JSON.parse(line) as LogEvent;
      if (typeof e.event === 'string') out.push(e);
    } catch {
      // not an event line
    }
  }
  return out;
}

/**
 * `node <nodeArgs> <script> <args>`. With GNU time present, it wraps the
 * child and reports the exact maximum RSS; otherwise /proc is polled.
 */
export async function runNodeChild(
  script: string,
  args: string[],
  options: { nodeArgs?: string[]; cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; memory?: 'gnu-time' | 'proc' },
): Promise<ChildRun> {
  const useTime = options.memory !== 'proc' && existsSync(GNU_TIME);
  const timeFile = path.join(os.tmpdir(), `quartiers-bench-time-${process.pid}-${Date.now()}.txt`);
  const nodeCmd = [process.execPath, ...(options.nodeArgs ?? []), script, ...args];
  const [cmd, ...cmdArgs] = useTime ? [GNU_TIME, '-v', '-o', timeFile, ...nodeCmd] : nodeCmd;
  const t0 = performance.now();
  const child = spawn(cmd!, cmdArgs, { cwd: options.cwd, env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  let polled: number | null = null;
  const poll = useTime || !existsSync('/proc')
    ? undefined
    : setInterval(() => {
        void readVmHwm(child.pid!).then((kb) => {
          if (kb !== null) polled = Math.max(polled ?? 0, kb);
        });
      }, 25);
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 15 * 60_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const wallMs = performance.now() - t0;
  clearTimeout(timer);
  if (poll) clearInterval(poll);
  let peakRssKb: number | null = polled;
  let cpuSeconds: number | null = null;
  let rssMethod = poll ? '/proc/<pid>/status VmHWM (relevé toutes les 25 ms)' : 'indisponible';
  if (useTime) {
    const report = await fs.readFile(timeFile, 'utf8').catch(() => '');
    await fs.rm(timeFile, { force: true });
    const m = /Maximum resident set size \(kbytes\):\s*(\d+)/.exec(report);
    peakRssKb = m ? Number(m[1]) : null;
    const user = /User time \(seconds\):\s*([\d.]+)/.exec(report);
    const sys = /System time \(seconds\):\s*([\d.]+)/.exec(report);
    cpuSeconds = user && sys ? Number(user[1]) + Number(sys[1]) : null;
    rssMethod = '/usr/bin/time -v';
  }
  return { code, wallMs, peakRssKb, rssMethod, cpuSeconds, events: parseJsonLines(stdout), stderr };
}

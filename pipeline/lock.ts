// One run at a time per output folder. The lock is a file beside the output
// (`.reports.lock`) holding the pid and start time of its holder. It is
// created complete in one step (write a private file, then link(2) it to the
// lock name, which fails if the lock exists), so nobody reads a half-written
// lock. A lock whose process is dead is taken over under a guard file created
// with O_EXCL, so two runs that both find it stale cannot both remove it.
// A pid outlives its process: once a killed run's pid is given to another
// process, the lock would look held for ever. The lock therefore records the
// process's start time as the kernel counts it; a lock whose pid is alive
// with another start time, or that records none (older versions), is stale.
// Where /proc does not exist, the pid alone decides.

import { existsSync, promises as fs, readFileSync } from 'node:fs';
import path from 'node:path';
import { LockedError } from '../lib/errors.ts';
import { isAlive, outPaths } from './publish.ts';

export interface LockInfo {
  pid: number;
  started: string;
  /** When the kernel started the process (`/proc/<pid>/stat`, field 22): a pid alone may be reused by another process. */
  pidStart?: string;
}

export interface LockOptions {
  now: Date;
  /** Message when the folder is held: by `holder`, after waiting `waitedMs` (0 when not waiting). */
  message: (holder: LockInfo, waitedMs: number) => string;
  /** Wait for the holder to finish, up to this many ms (`--attendre`). */
  waitMs?: number;
  sleep?: (ms: number) => Promise<void>;
  clock?: () => number;
  /** Called once when the run starts waiting. */
  onWait?: (holder: LockInfo) => void;
  /** Called before each pause while waiting; throws to give up (a signal asked the run to stop). */
  checkpoint?: () => void;
}

export function lockPath(out: string): string {
  const p = outPaths(out);
  return path.join(p.parent, `${p.prefix.slice(0, -1)}.lock`);
}

/** Takes the lock or throws LockedError; returns the function that releases it. */
export async function acquireLock(out: string, o: LockOptions): Promise<() => Promise<void>> {
  const file = lockPath(out);
  const sleep = o.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const clock = o.clock ?? (() => Date.now());
  const t0 = clock();
  let delay = 100;
  let waiting = false;
  for (;;) {
    const holder = await tryLock(file, { pid: process.pid, started: o.now.toISOString(), ...startOf(process.pid) });
    if (holder === null) {
      return async () => {
        const current = await readLock(file);
        if (current?.pid === process.pid) await fs.rm(file, { force: true });
      };
    }
    const waited = clock() - t0;
    if (!o.waitMs || waited >= o.waitMs) throw new LockedError(o.message(holder, o.waitMs ? waited : 0));
    if (!waiting) o.onWait?.(holder);
    waiting = true;
    o.checkpoint?.();
    await sleep(Math.min(delay, o.waitMs - waited));
    o.checkpoint?.();
    delay = Math.min(delay * 2, 2000);
  }
}

/** One attempt: null when the lock is now ours, else its live holder. */
async function tryLock(file: string, info: LockInfo): Promise<LockInfo | null> {
  const mine = `${file}.${process.pid}`;
  await fs.writeFile(mine, JSON.stringify(info) + '\n');
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        await fs.link(mine, file);
        return null;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const holder = await readLock(file);
      if (holder && holder.pid !== process.pid && isHeld(holder)) return holder;
      await removeStaleLock(file);
    }
    return (await readLock(file)) ?? { pid: 0, started: '?' };
  } finally {
    await fs.rm(mine, { force: true });
  }
}

/** Under the guard, re-reads the lock and removes it only if its holder is still dead. */
async function removeStaleLock(file: string): Promise<void> {
  const guard = `${file}.reprise`;
  try {
    await fs.writeFile(guard, String(process.pid), { flag: 'wx' });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // A guard left by a process that died while holding it (a window of a few ms).
    const pid = Number(await fs.readFile(guard, 'utf8').catch(() => ''));
    if (pid && !isAlive(pid)) await fs.rm(guard, { force: true });
    await new Promise((r) => setTimeout(r, 20));
    return;
  }
  try {
    const text = await fs.readFile(file, 'utf8').catch(() => null);
    if (text === null) return; // already gone: the next link attempt decides
    const holder = parseLock(text);
    if (holder === null || holder.pid === process.pid || !isHeld(holder)) await fs.rm(file, { force: true });
  } finally {
    await fs.rm(guard, { force: true });
  }
}

/** The start time of a process, in clock ticks since boot; absent where /proc cannot tell. */
export function processStartTime(pid: number): string | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command name, in parentheses) may hold spaces and parentheses: count from its end.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return fields[19];
  } catch {
    return undefined;
  }
}

function startOf(pid: number): { pidStart?: string } {
  const t = processStartTime(pid);
  return t === undefined ? {} : { pidStart: t };
}

/** Whether the process that wrote the lock is still running (not merely its pid). */
function isHeld(holder: LockInfo): boolean {
  if (!isAlive(holder.pid)) return false;
  const now = processStartTime(holder.pid);
  if (now === undefined) return !existsSync('/proc/self/stat'); // no /proc at all: the pid alone decides
  return holder.pidStart === now;
}

export async function readLock(file: string): Promise<LockInfo | null> {
  const text = await fs.readFile(file, 'utf8').catch(() => null);
  return text === null ? null : parseLock(text);
}

function parseLock(text: string): LockInfo | null {
  try {
    const parsed = JSON.parse(text) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.started === 'string') {
      return { pid: parsed.pid, started: parsed.started, ...(typeof parsed.pidStart === 'string' ? { pidStart: parsed.pidStart } : {}) };
    }
    return null;
  } catch {
    return null;
  }
}

// The lock beside the output folder: held, stale, corrupt, waited for.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireLock, lockPath, processStartTime } from '../../pipeline/lock.ts';
import { LockedError } from '../../lib/errors.ts';
import { msg } from '../../lib/messages/index.ts';
import { tempRoot } from './fixture-runs.ts';
import { runCli } from '../helpers/cli.ts';

const now = new Date('2026-01-05T03:00:00Z');
const message = (h: { pid: number; started: string }, waited: number) =>
  waited ? msg.lockedAfterWait('reports', h.pid, h.started, waited / 1000) : msg.locked('reports', h.pid, h.started);

function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', '0']);
  return r.pid!;
}

function liveHolder(out: string): { pid: number; stop: () => void } {
  const child = spawn('sleep', ['30'], { stdio: 'ignore' });
  writeFileSync(lockPath(out), JSON.stringify({ pid: child.pid, started: '2026-01-05T02:00:00.000Z', pidStart: processStartTime(child.pid!) }));
  return { pid: child.pid!, stop: () => child.kill('SIGKILL') };
}

describe('acquireLock', () => {
  it('takes a free lock, records pid and start time, and releases it', async () => {
    const out = path.join(tempRoot(), 'reports');
    const release = await acquireLock(out, { now, message });
    expect(JSON.parse(readFileSync(lockPath(out), 'utf8'))).toEqual({ pid: process.pid, started: now.toISOString(), pidStart: processStartTime(process.pid) });
    expect(processStartTime(process.pid)).toMatch(/^\d+$/);
    await release();
    expect(existsSync(lockPath(out))).toBe(false);
  });

  it('refuses a lock held by a live process with exit 3 and a message naming it', async () => {
    const out = path.join(tempRoot(), 'reports');
    const holder = liveHolder(out);
    try {
      const e = await acquireLock(out, { now, message }).catch((err: unknown) => err);
      expect(e).toBeInstanceOf(LockedError);
      expect((e as LockedError).exitCode).toBe(3);
      expect((e as LockedError).message).toBe(msg.locked('reports', holder.pid, '2026-01-05T02:00:00.000Z'));
    } finally {
      holder.stop();
    }
  });

  it('takes over a lock whose process is dead, or whose file is corrupt, or a guard left by a dead process', async () => {
    for (const [content, guard] of [[JSON.stringify({ pid: deadPid(), started: 'x' }), false], ['{"pid":', false], [JSON.stringify({ pid: deadPid(), started: 'x' }), true]] as const) {
      const out = path.join(tempRoot(), 'reports');
      writeFileSync(lockPath(out), content);
      if (guard) writeFileSync(`${lockPath(out)}.reprise`, String(deadPid()));
      const release = await acquireLock(out, { now, message });
      expect(JSON.parse(readFileSync(lockPath(out), 'utf8')).pid).toBe(process.pid);
      await release();
    }
  });

  it('takes over a lock whose pid now belongs to a live, unrelated process: another start time, or none recorded (an older lock)', async () => {
    const unrelated = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const start = processStartTime(unrelated.pid!)!;
      for (const recorded of [{ pidStart: String(Number(start) - 1) }, {}]) {
        const out = path.join(tempRoot(), 'reports');
        writeFileSync(lockPath(out), JSON.stringify({ pid: unrelated.pid, started: '2026-01-05T02:00:00.000Z', ...recorded }));
        const release = await acquireLock(out, { now, message });
        expect(JSON.parse(readFileSync(lockPath(out), 'utf8')).pid).toBe(process.pid);
        await release();
      }
    } finally {
      unrelated.kill('SIGKILL');
    }
  });

  it('with a wait, polls until the holder is gone, then takes the lock', async () => {
    const out = path.join(tempRoot(), 'reports');
    const holder = liveHolder(out);
    const waits: number[] = [];
    setTimeout(() => holder.stop(), 300);
    const release = await acquireLock(out, { now, message, waitMs: 20_000, onWait: (h) => waits.push(h.pid) });
    expect(waits).toEqual([holder.pid]);
    await release();
  });

  it('with a wait, gives up after the limit and says how long it waited', async () => {
    const out = path.join(tempRoot(), 'reports');
    const holder = liveHolder(out);
    let t = 0;
    try {
      const e = await acquireLock(out, { now, message, waitMs: 5000, clock: () => t, sleep: async (ms) => void (t += ms) }).catch((err: unknown) => err);
      expect((e as Error).message).toBe(msg.lockedAfterWait('reports', holder.pid, '2026-01-05T02:00:00.000Z', 5));
      expect(t).toBe(5000);
    } finally {
      holder.stop();
    }
  });
});

describe('quartiers run after a killed run whose pid went to another process', () => {
  it('publishes (exit 0) instead of reporting the folder busy for ever', async () => {
    const root = tempRoot();
    const out = path.join(root, 'reports');
    // pid 1 is alive and no run of quartiers: a lock left by a killed run whose pid was reused.
    writeFileSync(lockPath(out), JSON.stringify({ pid: 1, started: '2026-01-05T02:00:00.000Z', pidStart: String(Number(processStartTime(1)) + 1) }));
    const r = await runCli(['run', '--out', out, '--formats', 'csv'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(lockPath(out))).toBe(false);
  });
});

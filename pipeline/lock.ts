// One run at a time per output folder: a lock file beside it holds the pid
// and start time of its holder; a lock whose process is dead is taken over.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LockedError } from '../lib/errors.ts';
import { isAlive } from './publish.ts';

export interface LockInfo {
  pid: number;
  started: string;
}

export function lockPath(out: string): string {
  const abs = path.resolve(out);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.lock`);
}

export async function acquireLock(out: string, now: Date, message: (holder: LockInfo) => string): Promise<() => Promise<void>> {
  const file = lockPath(out);
  const info: LockInfo = { pid: process.pid, started: now.toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(info), { flag: 'wx' });
      return async () => {
        await fs.rm(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = await readLock(file);
      if (holder && isAlive(holder.pid) && holder.pid !== process.pid) throw new LockedError(message(holder));
      // Stale: its process is gone. Remove it only if it is still the same file.
      const again = await readLock(file);
      if (!holder || (again && again.pid === holder.pid && again.started === holder.started)) await fs.rm(file, { force: true });
    }
  }
  const holder = await readLock(file);
  throw new LockedError(message(holder ?? { pid: 0, started: '' }));
}

export async function readLock(file: string): Promise<LockInfo | null> {
  try {
    const parsed = JSON.parse(await fs.readFile(file, 'utf8')) as Partial<LockInfo>;
    if (typeof parsed.pid === 'number' && typeof parsed.started === 'string') return { pid: parsed.pid, started: parsed.started };
    return null;
  } catch {
    return null;
  }
}

// Publishing a run as a whole: the new folder is built beside the output
// folder, then swapped in with renames; leftovers of crashed runs are
// removed by the next run.

import { promises as fs } from 'node:fs';
import path from 'node:path';

export function stagingName(out: string, pid: number): string {
  const abs = path.resolve(out);
  return path.join(path.dirname(abs), `.${path.basename(abs)}.tmp-${pid}`);
}

/** Removes `.reports.tmp-*` and `.reports.old-*` left by runs whose process is gone. */
export async function cleanLeftovers(out: string): Promise<string[]> {
  const abs = path.resolve(out);
  const parent = path.dirname(abs);
  const prefix = `.${path.basename(abs)}.`;
  const removed: string[] = [];
  const entries = await fs.readdir(parent).catch(() => [] as string[]);
  for (const name of entries) {
    const m = new RegExp(`^${escapeRe(prefix)}(tmp|old)-(\\d+)$`).exec(name);
    if (!m) continue;
    const pid = Number(m[2]);
    if (pid !== process.pid && isAlive(pid)) continue;
    await fs.rm(path.join(parent, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Swap the staging folder in place of `out`; the previous run is removed afterwards. */
export async function publishFolder(staging: string, out: string): Promise<void> {
  const abs = path.resolve(out);
  const old = path.join(path.dirname(abs), `.${path.basename(abs)}.old-${process.pid}`);
  const exists = await fs.stat(abs).then(() => true, () => false);
  if (exists) await fs.rename(abs, old);
  try {
    await fs.rename(staging, abs);
  } catch (e) {
    if (exists) await fs.rename(old, abs);
    throw e;
  }
  if (exists) await fs.rm(old, { recursive: true, force: true });
}

// Publishing a run as a whole. The output path (`reports`) is a symbolic link
// to a versioned sibling folder (`.reports.v-<stamp>-<pid>`). A run builds
// `.reports.tmp-<pid>`, renames it to a new version, makes a temporary link
// to it and renames that link over `reports`: rename(2) replaces the link in
// one step, so a reader sees the previous complete run or the new one.
// The version it replaces is neither deleted nor renamed at once: a reader
// that had just followed the link (resolved `reports` to `.reports.v-N`)
// would find its files gone. Renaming it `precedente-…` right after the swap
// still lost about one read in 1 000 publications against a reader in a
// loop. It stays under its name, and the next run removes it (folders named
// `precedente-…` by earlier versions of the tool too).
// Leftovers of crashed runs (whose pid is dead) are removed by the next run.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { removeOwned } from './owned-files.ts';
import { MANIFEST } from './manifest.ts';

export interface OutPaths {
  abs: string;
  parent: string;
  /** `.reports.` — every sibling the tool manages starts with it. */
  prefix: string;
}

export function outPaths(out: string): OutPaths {
  const abs = path.resolve(out);
  return { abs, parent: path.dirname(abs), prefix: `.${path.basename(abs)}.` };
}

export function stagingName(out: string, pid: number): string {
  const p = outPaths(out);
  return path.join(p.parent, `${p.prefix}tmp-${pid}`);
}

/** `20261125T201600Z` from a date: sortable, no characters a file system refuses. */
export function versionStamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

/** Our siblings, with the pid of the run that made them last: `tmp-12`, `v-<stamp>-12`, `precedente-<stamp>-12`, `lien-12`, `old-12`, `lock.12`. */
const MANAGED = /^(?:(?:tmp|v|precedente|lien|old)-(?:.*-)?|lock\.)(\d+)$/;

/** The name earlier versions of the tool gave the version a publication replaced (removed by the next run). */
const PREVIOUS = 'precedente-';

/** What the output path is now. `managed` links point to one of our version folders. */
export type OutState =
  | { kind: 'absent' }
  | { kind: 'directory' }
  | { kind: 'managed-link'; target: string; complete: boolean }
  | { kind: 'foreign-link'; target: string }
  | { kind: 'other' };

export async function outState(out: string): Promise<OutState> {
  const p = outPaths(out);
  const st = await fs.lstat(p.abs).catch(() => null);
  if (!st) return { kind: 'absent' };
  if (st.isSymbolicLink()) {
    const target = await fs.readlink(p.abs);
    if (!target.includes('/') && target.startsWith(`${p.prefix}v-`)) {
      const complete = await fs.stat(path.join(p.parent, target)).then((s) => s.isDirectory(), () => false);
      return { kind: 'managed-link', target, complete };
    }
    return { kind: 'foreign-link', target };
  }
  if (st.isDirectory()) return { kind: 'directory' };
  return { kind: 'other' };
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What a clean-up removed, and the folders it kept because they hold files the tool did not write. */
export interface Cleanup {
  removed: string[];
  kept: { name: string; foreign: string[] }[];
}

/**
 * Removes the staging folders, temporary links and unpublished versions left
 * by runs whose process is gone (and this process's own), never the version
 * the output link points to, nor `keep`. Also removes the version the last
 * publication replaced, without listing it: it is no leftover. A folder is
 * removed only when every file in it is the tool's (owned-files.ts); one
 * that holds anything else is kept whole and listed in `kept`.
 * Call it while holding the lock.
 */
export async function cleanLeftovers(out: string, keep?: string): Promise<Cleanup> {
  const p = outPaths(out);
  const state = await outState(out);
  const live = state.kind === 'managed-link' ? state.target : null;
  const cleanup: Cleanup = { removed: [], kept: [] };
  const entries = await fs.readdir(p.parent).catch(() => [] as string[]);
  for (const name of entries.sort()) {
    if (!name.startsWith(p.prefix) || name === live || name === keep) continue;
    const rest = name.slice(p.prefix.length);
    const m = MANAGED.exec(rest);
    if (!m) continue;
    const pid = Number(m[1]);
    if (pid !== process.pid && isAlive(pid)) continue;
    // A version with its manifest is a publication that was replaced, not a leftover of an interrupted run: not listed.
    const replaced = rest.startsWith(PREVIOUS) || (rest.startsWith('v-') && (await fs.access(path.join(p.parent, name, MANIFEST)).then(() => true, () => false)));
    const foreign = await removeLeftover(path.join(p.parent, name), rest, live === null ? undefined : path.join(p.parent, live));
    if (foreign.length) cleanup.kept.push({ name, foreign });
    else if (!replaced) cleanup.removed.push(name);
  }
  return cleanup;
}

function looksLikeLock(text: string): boolean {
  try {
    return typeof (JSON.parse(text) as { pid?: unknown }).pid === 'number';
  } catch {
    return false;
  }
}

/** Removes one leftover if it is the tool's; returns what kept it otherwise. `published`: the version the output link points to. */
async function removeLeftover(full: string, rest: string, published: string | undefined): Promise<string[]> {
  const st = await fs.lstat(full).catch(() => null);
  if (!st) return [];
  if (rest.startsWith('lien-') || rest.startsWith('lock.')) {
    // A temporary link, or the private copy of a lock (empty when its writer was killed at once).
    const ours = rest.startsWith('lien-') ? st.isSymbolicLink() : st.isFile() && (st.size === 0 || (st.size < 4096 && looksLikeLock(await fs.readFile(full, 'utf8'))));
    if (!ours) return [path.basename(full)];
    await fs.rm(full, { force: true });
    return [];
  }
  return removeOwned(full, published);
}

/**
 * When the output path is missing or its link dangles (a run died during the
 * one-time conversion of a plain folder), links it back to the newest
 * complete version left beside it. Returns the version restored, if any.
 */
export async function restoreOutput(out: string): Promise<string | null> {
  const p = outPaths(out);
  const state = await outState(out);
  if (state.kind !== 'absent' && !(state.kind === 'managed-link' && !state.complete)) return null;
  const entries = await fs.readdir(p.parent).catch(() => [] as string[]);
  const versions = entries.filter((n) => n.startsWith(`${p.prefix}v-`)).sort().reverse();
  for (const name of versions) {
    const complete = await fs.stat(path.join(p.parent, name, 'manifest.json')).then(() => true, () => false);
    if (!complete) continue;
    await swapLink(p, name);
    return name;
  }
  return null;
}

/** Called after each step of the publication (tests kill the process there). */
export type PublishStep = (label: string) => void;

/**
 * Swaps the complete staging folder in as the new published run.
 * The first time, a plain `reports/` folder is converted into a link: between
 * its rename and the link's, `reports` does not exist for a moment (once).
 */
export async function publishFolder(staging: string, out: string, stamp: string, step: PublishStep = () => {}): Promise<{ version: string; cleanup: Cleanup }> {
  const p = outPaths(out);
  const versionName = `${p.prefix}v-${stamp}-${process.pid}`;
  const version = path.join(p.parent, versionName);
  await fs.rename(staging, version);
  step('publication:version');
  const before = await outState(out);
  if (before.kind === 'directory') {
    const link = await makeLink(p, versionName);
    if (link === null) return publishByRenames(version, p, step);
    // One-time conversion: keep the previous run as a version of its own.
    await fs.rename(p.abs, path.join(p.parent, `${p.prefix}v-${versionStamp(new Date(0))}-${process.pid}`));
    step('publication:conversion');
    await fs.rename(link, p.abs);
  } else {
    const swapped = await swapLink(p, versionName, step);
    if (!swapped) return publishByRenames(version, p, step);
  }
  step('publication:bascule');
  // The replaced version stays where readers that followed the link just before may still be.
  const kept = before.kind === 'managed-link' ? before.target : undefined;
  return { version: versionName, cleanup: await cleanLeftovers(out, kept) };
}

async function makeLink(p: OutPaths, versionName: string): Promise<string | null> {
  const link = path.join(p.parent, `${p.prefix}lien-${process.pid}`);
  await fs.rm(link, { force: true });
  try {
    await fs.symlink(versionName, link, 'dir');
    return link;
  } catch (e) {
    // File systems or platforms without symbolic links (Windows without the privilege).
    if (['EPERM', 'ENOSYS', 'ENOTSUP', 'EOPNOTSUPP'].includes((e as NodeJS.ErrnoException).code ?? '')) return null;
    throw e;
  }
}

async function swapLink(p: OutPaths, versionName: string, step: PublishStep = () => {}): Promise<boolean> {
  const link = await makeLink(p, versionName);
  if (link === null) return false;
  step('publication:lien');
  await fs.rename(link, p.abs);
  return true;
}

/** Fallback where links cannot be made: two renames, with a brief moment without the folder. */
async function publishByRenames(version: string, p: OutPaths, step: PublishStep): Promise<{ version: string; cleanup: Cleanup }> {
  const old = path.join(p.parent, `${p.prefix}old-${process.pid}`);
  const exists = await fs.lstat(p.abs).then(() => true, () => false);
  if (exists) await fs.rename(p.abs, old);
  try {
    await fs.rename(version, p.abs);
  } catch (e) {
    if (exists) await fs.rename(old, p.abs);
    throw e;
  }
  step('publication:bascule');
  const foreign = exists ? await removeOwned(old, p.abs) : [];
  return { version: path.basename(p.abs), cleanup: { removed: [], kept: foreign.length ? [{ name: path.basename(old), foreign }] : [] } };
}

// Compiled chart structures kept on disk from one run to the next (see
// CompiledStructures in lib/render/charts/chart-job.ts): one JSON file per
// structure, named after the SHA-256 of the structure, in a folder named
// after the build of the renderer, so that a new build never reads what an
// older one compiled. Every failure (unreadable, unwritable, damaged file)
// only means compiling again: the cache never changes what a run writes.

import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { threadId } from 'node:worker_threads';
import type { CompiledStructure, CompiledStructures } from '../lib/render/charts/chart-job.ts';
import { repoPath } from './repo-path.ts';

/** Structures kept per build at most: 10 to 20 per data set, 100 to 250 KB each. */
export const MAX_CACHED_STRUCTURES = 200;

const PREFIX = 'vega-';

/**
 * The build of the bundled renderer: esbuild names each chunk after a hash
 * of its content (imports included), so the entry and the list of chunks
 * change whenever Vega, Vega-Lite or the chart code does.
 */
export function bundleFingerprint(distDir: string): string {
  const h = createHash('sha256');
  h.update(readFileSync(path.join(distDir, 'chart-worker.js')));
  for (const name of readdirSync(path.join(distDir, 'chunks')).sort()) h.update(`\n${name}`);
  return h.digest('hex').slice(0, 16);
}

function isCompiled(v: unknown): v is CompiledStructure {
  const o = v as Partial<CompiledStructure> | null;
  return !!o && typeof o === 'object' && typeof o.dataName === 'string' && !!o.runtime && typeof o.runtime === 'object';
}

/**
 * The cache of the running build: under QUARTIERS_CACHE_DIR, else
 * node_modules/.cache/quartiers (where npm tools keep their caches);
 * none when QUARTIERS_CACHE_DIR is empty, or when the code runs from the
 * TypeScript sources (no build to name it after).
 */
export function runtimeCacheOfThisBuild(env: NodeJS.ProcessEnv = process.env, fromBundle = !import.meta.url.endsWith('.ts')): CompiledStructures | undefined {
  if (!fromBundle) return undefined;
  const root = env.QUARTIERS_CACHE_DIR ?? repoPath('node_modules', '.cache', 'quartiers');
  if (root === '') return undefined;
  try {
    return openRuntimeCache(root, bundleFingerprint(repoPath('dist')));
  } catch {
    return undefined;
  }
}

/**
 * The cache of one build under `root`. Opening it removes the folders of
 * other builds and, past MAX_CACHED_STRUCTURES, the least recently used
 * structures.
 */
export function openRuntimeCache(root: string, fingerprint: string, max = MAX_CACHED_STRUCTURES): CompiledStructures {
  const dir = path.join(root, PREFIX + fingerprint);
  prune(root, dir, max);
  const file = (structure: string) => path.join(dir, `${createHash('sha256').update(structure).digest('hex')}.json`);
  return {
    get(structure) {
      const f = file(structure);
      try {
        const v: unknown = JSON.parse(readFileSync(f, 'utf8'));
        if (!isCompiled(v)) return undefined;
        // Used now: pruning removes the structures least recently used.
        const now = new Date();
        utimesSync(f, now, now);
        return v;
      } catch {
        return undefined;
      }
    },
    set(structure, compiled) {
      const target = file(structure);
      // Written aside then renamed: the other render thread never reads half a file.
      const temp = `${target}.${process.pid}-${threadId}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(temp, JSON.stringify(compiled));
        renameSync(temp, target);
      } catch {
        try {
          rmSync(temp, { force: true });
        } catch {
          // The folder itself could not be made: nothing was written.
        }
      }
    },
  };
}

function prune(root: string, dir: string, max: number): void {
  try {
    for (const name of readdirSync(root)) {
      if (name.startsWith(PREFIX) && path.join(root, name) !== dir) rmSync(path.join(root, name), { recursive: true, force: true });
    }
    const entries = readdirSync(dir)
      .filter((n) => n.endsWith('.json'))
      .map((n) => ({ n, t: statSync(path.join(dir, n)).mtimeMs }))
      .sort((a, b) => b.t - a.t || (a.n < b.n ? -1 : 1));
    for (const e of entries.slice(max)) rmSync(path.join(dir, e.n), { force: true });
  } catch {
    // No cache yet, or another thread pruning at the same time.
  }
}

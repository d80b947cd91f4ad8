// Runs the pure part of the pipeline on a sources folder, for tests.

import { readSourcesDir } from '../../pipeline/read-sources-dir.ts';
import { readSources, type Sources } from '../../lib/ingest/read-sources.ts';
import { normalizeAgainstBaseline } from '../../lib/measures/baseline.ts';
import type { TidyRow } from '../../lib/model/tidy-row.ts';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../', import.meta.url));
export const BUNDLED_SOURCES = fileURLToPath(new URL('../../sources/', import.meta.url));

export async function loadBundled(dir = BUNDLED_SOURCES): Promise<{ sources: Sources; rows: TidyRow[] }> {
  const { files } = await readSourcesDir(dir);
  const sources = readSources(files);
  return { sources, rows: normalizeAgainstBaseline(sources) };
}

/** Collapses every kind of space, for comparing typography-insensitive text. */
export function squash(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();
}

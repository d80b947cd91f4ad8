// « Ce qui a changé » : reads the previous publication's tidy table (and its
// own comparison) from the output folder, before it is replaced. Same
// previous publication, same result: nothing else is read.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { TidyRow } from '../lib/model/tidy-row.ts';
import { createReadStream } from 'node:fs';
import { changesFromCsv, compareFigures, figuresFromRows, tidyCsvFigureReader, type ComparedFigure, type RunChanges } from '../lib/report/compare-runs.ts';
import { readManifest } from './manifest.ts';

export const CHANGES_FILE = 'changements.csv';

/**
 * The changes since the publication in `out`, or null when there is none
 * (or it has no indicateurs.csv). When nothing changed since, the previous
 * publication's own comparison is carried over, so that running twice on
 * the same sources does not erase what the comité has to read.
 */
export async function changesSincePublished(out: string, rows: readonly TidyRow[], threshold = 0.1): Promise<RunChanges | null> {
  const manifest = await readManifest(out);
  if (!manifest) return null;
  const before = await readPublishedFigures(path.join(out, 'indicateurs.csv'));
  if (before === null) return null;
  const changes = compareFigures(before, figuresFromRows(rows), threshold);
  if (changes.length === 0) {
    const earlier = await fs.readFile(path.join(out, CHANGES_FILE), 'utf8').catch(() => null);
    const carried = earlier === null ? null : changesFromCsv(earlier);
    if (carried && carried.changes.length) return carried;
  }
  return { previous: manifest.genere_le, changes };
}

/** The figures of a published indicateurs.csv, read as a stream (the national table is about 100 MB); null when it cannot be read. */
async function readPublishedFigures(file: string): Promise<ComparedFigure[] | null> {
  const reader = tidyCsvFigureReader();
  try {
    for await (const chunk of createReadStream(file)) reader.push(chunk as Buffer);
  } catch {
    return null;
  }
  return reader.end();
}

// Temp folders for the unattended-run tests: a copy of the bundled sources
// (optionally changed) and an output path beside it.

import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BUNDLED_SOURCES } from '../helpers/bundled.ts';

export function tempRoot(): string {
  return mkdtempSync(path.join(tmpdir(), 'quartiers-unattended-'));
}

/** A copy of the bundled sources; `variant` changes one figure so that the outputs differ. */
export function copySources(root: string, name: string, variant = false): string {
  const dir = path.join(root, name);
  cpSync(BUNDLED_SOURCES, dir, { recursive: true });
  if (variant) {
    const file = path.join(dir, 'prefecture/prefecture_pas-de-calais_qic_2024.csv');
    const text = readFileSync(file, 'utf8');
    const changed = text.replace('Part des familles monoparentales;12%;', 'Part des familles monoparentales;13%;');
    if (changed === text) throw new Error('variant: the figure to change is not in the bundled sources any more');
    writeFileSync(file, changed);
  }
  return dir;
}

/** The tool's siblings of the output path (versions, staging, lock…), sorted. */
export function siblings(out: string): string[] {
  const prefix = `.${path.basename(out)}`;
  return readdirSync(path.dirname(out)).filter((n) => n.startsWith(prefix)).sort();
}

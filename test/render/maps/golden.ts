// Golden files of the map tests: written when missing (never when CI=true),
// compared otherwise; a mismatch leaves a `*-changed.*` file beside it.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const GOLDEN = fileURLToPath(new URL('../../golden/maps/', import.meta.url));

export function expectGolden(name: string, actual: string): void {
  const path = GOLDEN + name;
  if (!existsSync(path)) {
    if (process.env.CI === 'true') throw new Error(`golden file missing in CI: test/golden/maps/${name}`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual);
    return;
  }
  const expected = readFileSync(path, 'utf8');
  if (expected !== actual) writeFileSync(path.replace(/(\.[^.]+)$/, '-changed$1'), actual);
  expect(actual === expected, `test/golden/maps/${name} differs (see the -changed file)`).toBe(true);
}

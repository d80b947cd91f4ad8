// Golden files (test/golden/): what a renderer must write, byte for byte.
// `UPDATE_GOLDEN=1 npm test` (or `UPDATE_GOLDEN=1 npx vitest run test/render`)
// writes every golden that differs or is missing; read the diff in git before
// committing. Without it, a missing golden fails, and a differing one leaves
// `<name>-changed.<ext>` beside it (ignored by git) to compare.

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const GOLDEN_DIR = fileURLToPath(new URL('../golden/', import.meta.url));

/** `name` is relative to test/golden/ (`charts/QN06205M/ecarts.svg`). */
export function expectGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  const changed = file.replace(/(\.[^./]+)?$/, '-changed$1');
  if (process.env.UPDATE_GOLDEN === '1') {
    if (!existsSync(file) || readFileSync(file, 'utf8') !== actual) {
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, actual);
    }
    rmSync(changed, { force: true });
    return;
  }
  if (!existsSync(file)) throw new Error(`golden file missing: test/golden/${name} (write it with UPDATE_GOLDEN=1 npm test, then read it)`);
  const expected = readFileSync(file, 'utf8');
  if (expected === actual) {
    rmSync(changed, { force: true });
    return;
  }
  writeFileSync(changed, actual);
  expect(actual === expected, `test/golden/${name} differs: see ${path.relative(GOLDEN_DIR, changed)}; UPDATE_GOLDEN=1 npm test rewrites it`).toBe(true);
}

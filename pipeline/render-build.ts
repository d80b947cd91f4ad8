// The build that renders: what, besides a file's own inputs, decides its
// bytes. A file of the previous publication is reused only when it was made
// by the same build (see pipeline/previous-publication.ts), so any change of
// the code, of a library or of the fonts renders everything again.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { repoPath } from './repo-path.ts';

/**
 * SHA-256 of the tool's version, the fonts, the exact library versions
 * (package-lock.json) and the code that runs: the bundle (dist/) when the
 * code runs from it, else the TypeScript sources of lib/ and pipeline/.
 */
export function renderBuild(toolVersion: string, fromBundle = !import.meta.url.endsWith('.ts')): string {
  const h = createHash('sha256');
  h.update(`version=${toolVersion}\n`);
  const add = (file: string) => {
    h.update(`${path.relative(repoPath(), file)}\n`);
    h.update(readFileSync(file));
  };
  for (const f of filesUnder(repoPath('assets', 'fonts'))) add(f);
  add(repoPath('package-lock.json'));
  const code = fromBundle ? [repoPath('dist')] : [repoPath('lib'), repoPath('pipeline')];
  for (const dir of code) for (const f of filesUnder(dir)) add(f);
  return h.digest('hex');
}

function filesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) found.push(...filesUnder(full));
    else if (e.isFile()) found.push(full);
  }
  return found;
}

// Files shipped with the tool (fonts, package.json, the bundled worker),
// found from the repository root whether this code runs from the TypeScript
// sources (pipeline/) or from the bundle (dist/, dist/chunks/).

import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

export function repoRoot(): string {
  if (root) return root;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json')) || !existsSync(path.join(dir, 'assets', 'fonts'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('racine de l’outil introuvable (package.json, assets/fonts)');
    dir = parent;
  }
  return (root = dir);
}

export function repoPath(...parts: string[]): string {
  return path.join(repoRoot(), ...parts);
}

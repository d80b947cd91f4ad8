// The project's import graph, read from the sources: every `import … from`,
// `export … from` and `import('…')` of a relative path, type-only imports
// included (a newcomer reads those too).

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface ImportGraph {
  /** Repository-relative file → the repository-relative files it imports. */
  edges: Map<string, string[]>;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function sourceFiles(root: string, dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.posix.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(root, rel));
    else if (/\.(ts|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(rel);
  }
  return out;
}

export function importGraph(root: string, dirs: string[]): ImportGraph {
  const edges = new Map<string, string[]>();
  for (const file of dirs.flatMap((d) => sourceFiles(root, d))) {
    const text = readFileSync(path.join(root, file), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
    const targets: string[] = [];
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2] ?? m[3]!;
      if (spec.startsWith('.')) targets.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)));
    }
    edges.set(file, [...new Set(targets)]);
  }
  return { edges };
}

/**
 * The folder a file belongs to for the layering rules: `lib/ingest/kinds/x.ts`
 * → `lib/ingest`, each renderer its own (`lib/render/charts/x.ts` →
 * `lib/render/charts`), `lib/errors.ts` → `lib/errors`.
 */
export function folderOf(file: string): string {
  const parts = file.replace(/\.ts$/, '').split('/');
  return parts.slice(0, parts[1] === 'render' ? 3 : 2).join('/');
}

/** Cycles between folders (each as the list of folders around it), from a depth-first search of the folder graph. */
export function folderCycles(graph: ImportGraph, keep: (file: string) => boolean): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [from, tos] of graph.edges) {
    if (!keep(from)) continue;
    for (const to of tos) {
      if (!keep(to) || folderOf(from) === folderOf(to)) continue;
      const set = next.get(folderOf(from)) ?? new Set();
      set.add(folderOf(to));
      next.set(folderOf(from), set);
    }
  }
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (f: string) => {
    state.set(f, 'open');
    stack.push(f);
    for (const g of [...(next.get(f) ?? [])].sort()) {
      if (state.get(g) === 'open') cycles.push([...stack.slice(stack.indexOf(g)), g]);
      else if (!state.has(g)) visit(g);
    }
    stack.pop();
    state.set(f, 'done');
  };
  for (const f of [...next.keys()].sort()) if (!state.has(f)) visit(f);
  return cycles;
}

/** Every file reachable from `file`, with the path that reaches it. */
export function reachable(graph: ImportGraph, file: string): Map<string, string[]> {
  const seen = new Map<string, string[]>([[file, [file]]]);
  const queue = [file];
  while (queue.length) {
    const f = queue.shift()!;
    for (const g of graph.edges.get(f) ?? []) {
      if (seen.has(g)) continue;
      seen.set(g, [...seen.get(f)!, g]);
      queue.push(g);
    }
  }
  return seen;
}

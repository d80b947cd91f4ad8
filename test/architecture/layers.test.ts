// The house rules of docs/architecture.md, read from the imports: data flows
// one way (ingest → model → measures → render → pipeline), and a newcomer
// can read a folder without the ones after it.

import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { folderCycles, folderOf, importGraph, reachable } from './imports.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const graph = importGraph(ROOT, ['lib', 'pipeline']);
const files = [...graph.edges.keys()];

describe('the import walker', () => {
  it('sees the imports it checks (static, type-only, re-exports, dynamic)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.edges.get('pipeline/cli.ts')).toContain('pipeline/run.ts');
    expect(graph.edges.get('lib/report/model.ts')).toContain('lib/model/tidy-row.ts'); // import type
    expect(graph.edges.get('lib/ingest/header-names.ts')).toContain('lib/text/normalize-name.ts');
    expect(graph.edges.get('pipeline/run.ts')).toContain('lib/measures/baseline.ts'); // import('…')
    expect(folderOf('lib/ingest/kinds/wide-export.ts')).toBe('lib/ingest');
    expect(folderOf('lib/render/charts/render.ts')).toBe('lib/render/charts');
  });

  it('finds a cycle between folders when there is one', () => {
    const looped = { edges: new Map([['lib/a/x.ts', ['lib/b/y.ts']], ['lib/b/y.ts', ['lib/c/z.ts']], ['lib/c/z.ts', ['lib/a/w.ts']], ['lib/a/w.ts', []]]) };
    expect(folderCycles(looped, () => true)).toEqual([['lib/a', 'lib/b', 'lib/c', 'lib/a']]);
  });
});

describe('lib/ layers', () => {
  it('has no cycle between its folders', () => {
    expect(folderCycles(graph, (f) => f.startsWith('lib/'))).toEqual([]);
  });

  it('lib/model imports nothing else of the project', () => {
    const out = files.filter((f) => f.startsWith('lib/model/')).flatMap((f) => graph.edges.get(f)!.filter((t) => !t.startsWith('lib/model/')).map((t) => `${f} → ${t}`));
    expect(out).toEqual([]);
  });

  it('lib/messages imports no renderer', () => {
    const out = files.filter((f) => f.startsWith('lib/messages/')).flatMap((f) => graph.edges.get(f)!.filter((t) => t.startsWith('lib/render/')).map((t) => `${f} → ${t}`));
    expect(out).toEqual([]);
  });

  it('renderers read the measured model and never reach lib/ingest, even through another module', () => {
    const out = files
      .filter((f) => f.startsWith('lib/render/') || f.startsWith('lib/report/'))
      .flatMap((f) => [...reachable(graph, f)].filter(([t]) => t.startsWith('lib/ingest/')).map(([, via]) => via.join(' → ')));
    expect(out).toEqual([]);
  });

  it('lib/ never imports pipeline/', () => {
    const out = files.filter((f) => f.startsWith('lib/')).flatMap((f) => graph.edges.get(f)!.filter((t) => t.startsWith('pipeline/')).map((t) => `${f} → ${t}`));
    expect(out).toEqual([]);
  });
});

describe('pipeline/phases', () => {
  it('no phase imports another: they share lib/ modules and phase.ts only', () => {
    const phases = new Set(graph.edges.get('pipeline/phases/index.ts')!.filter((f) => f !== 'pipeline/phases/phase.ts'));
    expect(phases.size).toBeGreaterThan(4);
    const phase = (f: string) => phases.has(f);
    const out = files.filter(phase).flatMap((f) => graph.edges.get(f)!.filter(phase).map((t) => `${f} → ${t}`));
    expect(out).toEqual([]);
  });
});

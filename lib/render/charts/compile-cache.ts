// Compile each chart structure once: specs that differ only by their inline
// data, title and description share one Vega-Lite compilation; the compiled
// Vega spec gets the new data, title and description patched in. Tests check
// that the patched spec equals a fresh compilation.

import type * as vega from 'vega';
import type { TopLevelSpec } from 'vega-lite';
import { compileStrict } from './render.ts';

interface Entry {
  vega: vega.Spec;
  /** Index of the data set that holds the inline values in `vega.data`. */
  dataIndex: number;
}

export interface CompileCache {
  compile(spec: TopLevelSpec): vega.Spec;
  readonly stats: { compiled: number; reused: number };
}

type Loose = Record<string, unknown>;

export function createCompileCache(compile: (spec: TopLevelSpec) => vega.Spec = compileStrict): CompileCache {
  const entries = new Map<string, Entry>();
  const stats = { compiled: 0, reused: 0 };
  return {
    stats,
    compile(spec) {
      const { data, title, description, ...structure } = spec as unknown as Loose;
      const values = (data as Loose | undefined)?.values;
      if (!Array.isArray(values)) {
        stats.compiled++;
        return compile(spec);
      }
      const key = JSON.stringify(structure);
      const hit = entries.get(key);
      if (!hit) {
        stats.compiled++;
        const compiled = compile(spec);
        const dataIndex = (compiled.data ?? []).findIndex((d) => Array.isArray((d as unknown as Loose).values));
        if (dataIndex >= 0) entries.set(key, { vega: compiled, dataIndex });
        return compiled;
      }
      stats.reused++;
      const out: Loose = { ...(hit.vega as unknown as Loose) };
      if (description === undefined) delete out.description;
      else out.description = description;
      out.title = patchTitle(hit.vega.title as unknown as Loose | undefined, title);
      out.data = hit.vega.data!.map((d, i) => (i === hit.dataIndex ? { ...d, values } : d));
      return out as unknown as vega.Spec;
    },
  };
}

function patchTitle(compiled: Loose | undefined, title: unknown): unknown {
  if (title === undefined) return undefined;
  if (typeof title === 'string' || Array.isArray(title)) return { ...compiled, text: title };
  const t = title as Loose;
  const out: Loose = { ...compiled, text: t.text };
  if ('subtitle' in t) out.subtitle = t.subtitle;
  return out;
}

// tsx hands V8 whitespace-minified code (each module on one line), so a
// profile says `baseline.ts:1:1062`. This maps such positions back to the
// TypeScript line by transforming the file again with the options tsx uses
// (esbuild: minifyWhitespace, keepNames, target = this Node) and reading the
// source map. If esbuild cannot be loaded, positions stay as V8 gave them.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

type Transform = (code: string, options: Record<string, unknown>) => { map: string };

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Source map v3 `mappings` → per generated line, segments [generated column, original line]. */
export function decodeMappings(mappings: string): [number, number][][] {
  const lines: [number, number][][] = [];
  let originalLine = 0;
  for (const lineText of mappings.split(';')) {
    const segments: [number, number][] = [];
    let column = 0;
    for (const seg of lineText.split(',')) {
      if (!seg) continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of seg) {
        const digit = BASE64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      column += fields[0] ?? 0;
      if (fields.length >= 4) {
        originalLine += fields[2]!;
        segments.push([column, originalLine]);
      }
    }
    lines.push(segments);
  }
  return lines;
}

/** 0-based original line of a 0-based generated position, or undefined. */
export function originalLineAt(decoded: [number, number][][], line: number, column: number): number | undefined {
  const segments = decoded[line];
  if (!segments?.length) return undefined;
  let found: number | undefined;
  for (const [c, l] of segments) {
    if (c > column) break;
    found = l;
  }
  return found ?? segments[0]![1];
}

export async function createPositionMapper(): Promise<(url: string, line: number, column: number) => number | undefined> {
  let transform: Transform | undefined;
  try {
    const esbuild = (await import('esbuild' as string)) as { transformSync: Transform };
    transform = esbuild.transformSync;
  } catch {
    return () => undefined;
  }
  const cache = new Map<string, [number, number][][] | null>();
  return (url, line, column) => {
    if (!/^file:.*\.[cm]?tsx?$/.test(url)) return undefined;
    let decoded = cache.get(url);
    if (decoded === undefined) {
      try {
        const file = fileURLToPath(url);
        const { map } = transform!(readFileSync(file, 'utf8'), {
          loader: 'ts', target: `node${process.versions.node}`, sourcemap: 'external', sourcefile: file, minifyWhitespace: true, keepNames: true,
        });
        decoded = decodeMappings((JSON.parse(map) as { mappings: string }).mappings);
      } catch {
        decoded = null;
      }
      cache.set(url, decoded);
    }
    return decoded ? originalLineAt(decoded, line, column) : undefined;
  };
}

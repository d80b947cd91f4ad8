// What a run published: number of files, bytes (apparent and on disk, like
// `du`), files per kind of output, and the pixels of its PNGs (what the
// rasteriser had to draw: docs/benchmark.md, « Plancher de calcul »).

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pngSize } from '../lib/render/workbook/png-size.ts';

export interface OutputSize {
  files: number;
  bytes: number;
  diskBytes: number;
  byKind: Map<string, number>;
  /** Width × height summed over the `.png` files whose header reads. */
  pngPixels: number;
}

/** Width × height from the first bytes of a PNG file, 0 when it is not one. */
async function pixelsOf(file: string): Promise<number> {
  const handle = await fs.open(file, 'r');
  try {
    const head = new Uint8Array(24);
    const { bytesRead } = await handle.read(head, 0, 24, 0);
    const size = pngSize(head.subarray(0, bytesRead));
    return size ? size.width * size.height : 0;
  } finally {
    await handle.close();
  }
}

/** `graphiques/x/taux.vl.json` → `.vl.json`, `classeurs/a.xlsx` → `.xlsx`. */
export function kindOf(file: string): string {
  const base = path.basename(file);
  const m = /(\.vl\.json|\.[^.]+)$/.exec(base);
  return m ? m[1]!.toLowerCase() : '(sans extension)';
}

export async function measureOutput(dir: string): Promise<OutputSize> {
  const size: OutputSize = { files: 0, bytes: 0, diskBytes: 0, byKind: new Map(), pngPixels: 0 };
  async function walk(d: string): Promise<void> {
    for (const e of await fs.readdir(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) await walk(full);
      else if (e.isFile()) {
        const st = await fs.stat(full);
        size.files++;
        size.bytes += st.size;
        size.diskBytes += st.blocks * 512;
        const k = kindOf(e.name);
        size.byKind.set(k, (size.byKind.get(k) ?? 0) + 1);
        if (k === '.png') size.pngPixels += await pixelsOf(full);
      }
    }
  }
  await walk(dir);
  return size;
}

/** Files under a sub-folder of the output whose name ends with `suffix`. */
export async function countFiles(dir: string, suffix: string): Promise<number> {
  let n = 0;
  async function walk(d: string): Promise<void> {
    const entries = await fs.readdir(d, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      if (e.isDirectory()) await walk(path.join(d, e.name));
      else if (e.name.endsWith(suffix)) n++;
    }
  }
  await walk(dir);
  return n;
}

interface ManifestOutputs {
  sorties: { fichier: string; sha256: string }[];
}

/**
 * Files whose bytes differ between two published folders, from their
 * manifests: missing from one, or another SHA-256. Empty when both runs
 * published the same bytes.
 */
export function differingOutputs(manifestA: string, manifestB: string): string[] {
  const files = (text: string) => new Map((JSON.parse(text) as ManifestOutputs).sorties.map((o) => [o.fichier, o.sha256]));
  const a = files(manifestA);
  const b = files(manifestB);
  return [...new Set([...a.keys(), ...b.keys()])].filter((f) => a.get(f) !== b.get(f)).sort();
}

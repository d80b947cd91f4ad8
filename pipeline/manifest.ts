// manifest.json: every input and output with its sha256, the options and the
// tool's version; `--if-changed` compares against it.

import { createHash } from 'node:crypto';

export interface Manifest {
  outil: { nom: string; version: string };
  genere_le: string;
  empreinte_entrees: string;
  options: Record<string, unknown>;
  entrees: { fichier: string; sha256: string; octets: number }[];
  sorties: { fichier: string; sha256: string; octets: number }[];
}

/** One hash of what decides the outputs: inputs, options, tool version. */
export function inputFingerprint(inputs: { fichier: string; sha256: string }[], options: Record<string, unknown>, version: string): string {
  const h = createHash('sha256');
  h.update(`version=${version}\n`);
  h.update(`options=${stableStringify(options)}\n`);
  for (const i of [...inputs].sort((a, b) => (a.fichier < b.fichier ? -1 : 1))) h.update(`${i.fichier}\t${i.sha256}\n`);
  return h.digest('hex');
}

export function stableStringify(value: unknown, indent?: number): string {
  return JSON.stringify(sortKeys(value), null, indent);
}

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

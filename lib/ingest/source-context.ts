// What every reader of a data file receives: the catalogue, the registry and
// the file's own facts (name, preamble), and what it returns.

import type { Catalogue, EnjeuLink, Figure, Indicator, Quartier, SchoolIps, SchoolLink, Target, Warning } from '../model/types.ts';
import type { AliasIndex } from './catalogue.ts';
import type { CsvTable } from './csv-table.ts';
import { classifyTerritoryCode, type TerritoryKind } from './territory-code.ts';
import { normalizeName } from './header-names.ts';

export interface ReadContext {
  file: string;
  table: CsvTable;
  catalogue: Catalogue;
  indicators: Map<string, Indicator>;
  aliases: AliasIndex;
  quartiers: Quartier[];
  /** Registry codes (2024 and 2015) for territory recognition. */
  quartierCodes: ReadonlySet<string>;
  /** Year given by a sidecar file `<name>.annee`, if any. */
  sidecarYear?: number;
}

export interface ReadResult {
  figures: Figure[];
  warnings: Warning[];
  producer: string;
  vintage: string;
}

/** A quartier as a reference list names it (INSEE/ANCT lists of QPV 2015 and 2024). */
export interface QuartierListEntry {
  code: string;
  name: string;
  communeCode: string;
  communeName: string;
  epciCode: string;
  epciName: string;
}

/** What a reader of one data file may contribute; every part is optional. */
export interface KindResult {
  figures?: Figure[];
  warnings?: Warning[];
  schools?: SchoolIps[];
  schoolLinks?: SchoolLink[];
  targets?: Target[];
  enjeux?: EnjeuLink[];
  quartierList?: QuartierListEntry[];
  producer?: string;
  vintage?: string;
  /** Informative lines shown by `quartiers validate` under the file. */
  notes?: string[];
}

/**
 * A kind of data file: recognised from its header, read into figures or
 * records. The list of kinds lives in read-sources.ts; a new kind is one
 * module and one line there.
 */
export interface DataKind {
  id: string;
  /** French label shown by `quartiers validate`. */
  label: string;
  detect(header: string[], ctx: Pick<ReadContext, 'aliases' | 'file'>): boolean;
  read(ctx: ReadContext): KindResult;
}

export function territoryOf(code: string, ctx: ReadContext): TerritoryKind | undefined {
  return classifyTerritoryCode(code, ctx.quartierCodes);
}

/** "Cité de Marles – Gambetta" and "Cité de Marles - Gambetta" are one quartier. */
export function findQuartierByName(name: string, quartiers: Quartier[]): Quartier | undefined {
  const n = normalizeName(name);
  return quartiers.find((q) => normalizeName(q.name) === n || q.code === name.trim() || q.code2015 === name.trim());
}

/** Producer named in the preamble (« Source : Préfecture du Pas-de-Calais »), else the default. */
export function producerFromPreamble(preamble: string[], fallback: string): string {
  for (const line of preamble) {
    const m = /^\s*sources?\s*:\s*(.+)$/i.exec(line);
    if (m) return m[1]!.replace(/[;,\s]+$/, '').trim();
  }
  return fallback;
}

// What every reader of a data file receives: the catalogue, the registry and
// the file's own facts (name, preamble), and what it returns.

import type { Catalogue, EnjeuLink, Figure, Indicator, Level, Quartier, SchoolIps, SchoolLink, Target, Warning } from '../model/types.ts';
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
  /**
   * Communes and agglomerations no published quartier belongs to: their
   * cells are checked, then counted and dropped instead of kept, so that a
   * national panel dropped in sources/ costs what the report uses.
   */
  outOfScope?: OutOfScope;
}

/** Territories whose figures a reader checks but does not keep, and what it dropped. */
export interface OutOfScope {
  drops(level: Level, code: string): boolean;
  values: number;
  territories: Set<string>;
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

/** Normalised name, code and code 2015 → position of the first quartier that has it. */
const quartierKeys = new WeakMap<Quartier[], { length: number; keys: Map<string, number> }>();

function keysOf(quartiers: Quartier[]): Map<string, number> {
  const cached = quartierKeys.get(quartiers);
  let keys = cached?.length === quartiers.length ? cached.keys : undefined;
  if (!keys) {
    keys = new Map();
    const first = (k: string, i: number) => {
      if (!keys!.has(k)) keys!.set(k, i);
    };
    // Prefixes keep names and codes apart; the earliest quartier wins, as a linear search would.
    quartiers.forEach((q, i) => {
      first(`n:${normalizeName(q.name)}`, i);
      first(`c:${q.code}`, i);
      first(`c:${q.code2015}`, i);
    });
    quartierKeys.set(quartiers, { length: quartiers.length, keys });
  }
  return keys;
}

/**
 * "Cité de Marles – Gambetta" and "Cité de Marles - Gambetta" are one quartier.
 * Indexed once per registry: a linear search normalising every registry name
 * for every row cost 16 % of a national run (1 574 quartiers × 2 780 rows).
 */
export function findQuartierByName(name: string, quartiers: Quartier[]): Quartier | undefined {
  const keys = keysOf(quartiers);
  const t = name.trim();
  const hits = [keys.get(`n:${normalizeName(name)}`), keys.get(`c:${t}`)].filter((i): i is number => i !== undefined);
  return hits.length ? quartiers[Math.min(...hits)] : undefined;
}

/** Producer named in the preamble (« Source : Préfecture du Pas-de-Calais »), else the default. */
export function producerFromPreamble(preamble: string[], fallback: string): string {
  for (const line of preamble) {
    const m = /^\s*sources?\s*:\s*(.+)$/i.exec(line);
    if (m) return m[1]!.replace(/[;,\s]+$/, '').trim();
  }
  return fallback;
}

// The ANCT correspondence between quartiers prioritaires 2024 (`QN…`) and
// 2015 (`QP…`), and what it allows: a figure measured on a 2015 perimeter is
// given the 2024 code of its quartier when the two match one to one. A 2015
// quartier split into several 2024 quartiers, or several merged into one, is
// reported and keeps its 2015 code: no figure is moved onto a perimeter it
// was not measured on.

import type { Figure, Quartier, Warning } from '../model/types.ts';
import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';
import type { CsvTable } from './csv-table.ts';
import { normalizeName } from './header-names.ts';
import { isQuartierCode2015 } from './territory-code.ts';

export interface Correspondence {
  /** 2015 code → the 2024 codes that take over part of it. */
  by2015: Map<string, string[]>;
  /** 2024 code → the 2015 codes it takes over. */
  by2024: Map<string, string[]>;
}

export function emptyCorrespondence(): Correspondence {
  return { by2015: new Map(), by2024: new Map() };
}

export function isCorrespondenceHeader(header: string[]): boolean {
  const n = new Set(header.map(normalizeName));
  return (n.has('qp2024') || n.has('code qp2024')) && (n.has('qp2015 1') || n.has('qp2015'));
}

/** Adds the rows of one correspondence file to `into`. */
export function readCorrespondence(table: CsvTable, file: string, into: Correspondence): void {
  const n = table.header.map(normalizeName);
  const code2024 = n.findIndex((h) => h === 'qp2024' || h === 'code qp2024');
  const codes2015 = n.flatMap((h, i) => (/^qp2015(?: \d)?$/.test(h) ? [i] : []));
  table.rows.forEach((row, r) => {
    const line = table.lines[r]!;
    const qn = (row[code2024] ?? '').trim();
    if (!qn) throw new DataError(msg.emptyCell(file, line, table.header[code2024]!), { file, line, column: table.header[code2024] });
    for (const k of codes2015) {
      const qp = (row[k] ?? '').trim();
      if (!qp) continue;
      if (!isQuartierCode2015(qp)) {
        throw new DataError(msg.badEnum(file, line, table.header[k]!, qp, ['un code de quartier 2015 (QP suivi de six caractères) ou une cellule vide']), { file, line, column: table.header[k] });
      }
      push(into.by2015, qp, qn);
      push(into.by2024, qn, qp);
    }
  });
}

function push(m: Map<string, string[]>, k: string, v: string): void {
  const list = m.get(k);
  if (!list) m.set(k, [v]);
  else if (!list.includes(v)) list.push(v);
}

export interface Reconciled {
  warnings: Warning[];
  /** 2015 codes given a 2024 code. */
  mapped: number;
}

/**
 * Gives quartier figures their 2024 code, in place. Codes of the registry are left to
 * the registry (it names both codes of its quartiers).
 */
export function reconcilePerimeters(figures: Figure[], corr: Correspondence, registryCodes: ReadonlySet<string>): Reconciled {
  const splits = new Map<string, string[]>();
  const merges = new Map<string, string[]>();
  const mapped = new Set<string>();
  const cache = new Map<string, string | undefined>();
  const codeFor = (qp: string): string | undefined => {
    if (cache.has(qp)) return cache.get(qp);
    let result: string | undefined;
    const successors = corr.by2015.get(qp) ?? [];
    if (successors.length > 1) splits.set(qp, successors);
    else if (successors.length === 1) {
      const qn = successors[0]!;
      const predecessors = corr.by2024.get(qn) ?? [];
      if (predecessors.length > 1) merges.set(qn, predecessors);
      else {
        result = qn;
        mapped.add(qp);
      }
    }
    cache.set(qp, result);
    return result;
  };
  // The figures were created by this run's readers: setting the code in place
  // spares a copy of every figure of a national file.
  for (const f of figures) {
    if (f.level !== 'quartier' || f.perimeter !== '2015' || registryCodes.has(f.territory)) continue;
    const qn = codeFor(f.territory);
    if (qn) f.quartierCode = qn;
  }
  const warnings: Warning[] = [];
  if (splits.size) warnings.push({ code: 'quartiers-decoupes', message: msg.quartiersSplit([...splits].sort(byKey)) });
  if (merges.size) warnings.push({ code: 'quartiers-fusionnes', message: msg.quartiersMerged([...merges].sort(byKey)) });
  return { warnings, mapped: mapped.size };
}

function byKey(a: [string, string[]], b: [string, string[]]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
}

/** Registry quartiers whose 2015 code the correspondence gives to another 2024 quartier: one warning. */
export function checkRegistryAgainstCorrespondence(quartiers: Quartier[], corr: Correspondence): Warning[] {
  const disagreements: [string, string, string[]][] = [];
  for (const q of quartiers) {
    if (!q.code2015) continue;
    const successors = corr.by2015.get(q.code2015);
    if (successors && !successors.includes(q.code)) disagreements.push([q.code, q.code2015, successors]);
  }
  return disagreements.length ? [{ code: 'referentiel-correspondance', message: msg.registryDisagrees(disagreements) }] : [];
}

// What changed between two published runs, from their two indicateurs.csv:
// readings that flipped (favorable ↔ défavorable…) and gaps to the
// reference that widened or narrowed. Pure: two texts in, a comparison out.

import { parse } from 'csv-parse/sync';

export interface Reading {
  annee: number;
  valeur: string;
  ecart: number | null;
  sens: string;
}

export interface Change {
  quartier_code: string;
  quartier: string;
  indicateur: string;
  libelle: string;
  unite: string;
  before: Reading;
  after: Reading;
}

export interface RunComparison {
  flipped: Change[];
  widened: Change[];
  narrowed: Change[];
  /** Quartier × indicator read in one run only. */
  added: { quartier_code: string; quartier: string; indicateur: string; libelle: string }[];
  removed: { quartier_code: string; quartier: string; indicateur: string; libelle: string }[];
}

type Row = Record<string, string>;

/** The latest reading of each quartier × indicator that has a value. */
function latestReadings(csv: string): Map<string, Row> {
  const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, relax_column_count: true }) as Row[];
  const latest = new Map<string, Row>();
  for (const r of rows) {
    if ((r.etat ?? 'valeur') !== 'valeur' || r.valeur === '' || r.valeur === undefined) continue;
    const key = `${r.quartier_code}\u0000${r.indicateur}`;
    const seen = latest.get(key);
    if (!seen || Number(r.annee) > Number(seen.annee)) latest.set(key, r);
  }
  return latest;
}

function reading(r: Row): Reading {
  const ecart = r.ecart_points === undefined || r.ecart_points === '' ? null : Number(r.ecart_points);
  return { annee: Number(r.annee), valeur: r.valeur ?? '', ecart: Number.isFinite(ecart) ? ecart : null, sens: r.sens ?? '' };
}

const DECIDED = new Set(['favorable', 'defavorable', 'neutre']);

/**
 * Compares the latest reading of every quartier × indicator. A gap counts as
 * widened or narrowed when its absolute value moved by more than `threshold`
 * (in the indicator's unit: points for rates).
 */
export function compareRuns(beforeCsv: string, afterCsv: string, threshold = 0.1): RunComparison {
  const before = latestReadings(beforeCsv);
  const after = latestReadings(afterCsv);
  const result: RunComparison = { flipped: [], widened: [], narrowed: [], added: [], removed: [] };
  const ident = (r: Row) => ({ quartier_code: r.quartier_code ?? '', quartier: r.quartier ?? '', indicateur: r.indicateur ?? '', libelle: r.libelle || (r.indicateur ?? '') });
  for (const [key, a] of after) {
    const b = before.get(key);
    if (!b) {
      result.added.push(ident(a));
      continue;
    }
    const change: Change = { ...ident(a), unite: a.unite ?? '', before: reading(b), after: reading(a) };
    if (change.before.sens !== change.after.sens && DECIDED.has(change.before.sens) && DECIDED.has(change.after.sens)) result.flipped.push(change);
    if (change.before.ecart !== null && change.after.ecart !== null) {
      const moved = Math.abs(change.after.ecart) - Math.abs(change.before.ecart);
      if (moved > threshold) result.widened.push(change);
      else if (moved < -threshold) result.narrowed.push(change);
    }
  }
  for (const [key, b] of before) if (!after.has(key)) result.removed.push(ident(b));
  const order = (x: { quartier_code: string; indicateur: string }, y: { quartier_code: string; indicateur: string }) =>
    x.quartier_code === y.quartier_code ? (x.indicateur < y.indicateur ? -1 : 1) : x.quartier_code < y.quartier_code ? -1 : 1;
  for (const list of Object.values(result)) list.sort(order);
  return result;
}

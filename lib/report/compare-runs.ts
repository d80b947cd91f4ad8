// « Ce qui a changé » : the tidy table of this run against that of the
// previous publication. New figures (a new year, a new indicator), revised
// figures (a past year whose value changed), figures no longer published,
// gaps to the reference that widened or narrowed (INSEE's vintage rule: two
// infra-communal vintages are compared only at least five years apart), and
// quartiers that appeared or left. Pure: tables in, a sorted list out.

import { parse } from 'csv-parse/sync';
import type { TidyRow } from '../model/tidy-row.ts';
import { CHANGE_KINDS, type Change, type ChangeKind, type ChangeSide, type ChangeSubject } from '../model/change.ts';

export { CHANGE_KINDS, type Change, type ChangeKind, type ChangeSide };
import { csvField, formatCsvNumber } from '../render/table/tidy-csv.ts';
import { CsvColumnScanner } from './tidy-csv-figures.ts';

/** Years between two infra-communal vintages for their gaps to be compared (INSEE). */
export const VINTAGE_STEP = 5;

/** One figure of a tidy table, as much as the comparison needs. */
export interface ComparedFigure extends ChangeSubject, ChangeSide {}

export interface RunChanges {
  /** When the publication compared with was generated (ISO date). */
  previous: string;
  changes: Change[];
}

const num = (s: string | undefined): number | null => (s === undefined || s === '' || !Number.isFinite(Number(s)) ? null : Number(s));
/** A text cell as the source wrote it, without the apostrophe the CSV adds before formula-like text. */
const text = (s: string | undefined) => (s && s.startsWith("'") ? s.slice(1) : (s ?? ''));

const FIGURE_COLUMNS = ['quartier_code', 'quartier', 'epci_code', 'indicateur', 'libelle', 'unite', 'perimetre', 'annee', 'etat', 'valeur', 'borne', 'decimales', 'ecart_points'] as const;

/** Reads the figures of a published indicateurs.csv, piece by piece (push the bytes, then `end()`). */
export function tidyCsvFigureReader(): { push(chunk: Uint8Array): void; end(): ComparedFigure[] } {
  const out: ComparedFigure[] = [];
  const scanner = new CsvColumnScanner(FIGURE_COLUMNS, (at) => {
    out.push({
      quartier_code: text(at[0]), quartier: text(at[1]), epci_code: at[2] ?? '', indicateur: text(at[3]), libelle: text(at[4]), unite: at[5] ?? '', perimetre: at[6] ?? '',
      annee: Number(at[7]), etat: at[8] || 'valeur', valeur: num(at[9]), borne: at[10] || '=', decimales: num(at[11]) ?? 0, ecart: num(at[12]),
    });
  });
  return {
    push: (chunk) => scanner.push(chunk),
    end() {
      scanner.end();
      return out;
    },
  };
}

/** The figures of a published indicateurs.csv given whole. */
export function figuresFromTidyCsv(csv: string): ComparedFigure[] {
  const reader = tidyCsvFigureReader();
  reader.push(new TextEncoder().encode(csv));
  return reader.end();
}

/** The figures of this run's rows, numbers as the CSV writes them (so that an unchanged figure compares equal). */
export function figuresFromRows(rows: readonly TidyRow[]): ComparedFigure[] {
  const asWritten = (x: number | null) => (x === null ? null : num(formatCsvNumber(x)));
  return rows.map((r) => ({
    quartier_code: r.quartier_code, quartier: r.quartier, epci_code: r.epci_code, indicateur: r.indicateur, libelle: r.libelle, unite: r.unite, perimetre: r.perimetre,
    annee: r.annee, etat: r.etat, valeur: asWritten(r.valeur), borne: r.borne, decimales: r.decimales, ecart: asWritten(r.ecart_points),
  }));
}

const side = (f: ComparedFigure): ChangeSide => ({ annee: f.annee, etat: f.etat, valeur: f.valeur, borne: f.borne, decimales: f.decimales, ecart: f.ecart });
const series = (f: ComparedFigure) => `${f.quartier_code}\u0000${f.indicateur}\u0000${f.perimetre}`;
const figureKey = (f: ComparedFigure) => `${series(f)}\u0000${f.annee}`;

/** The latest year of a series whose gap is known, at most `until`. */
function latestGap(figures: ComparedFigure[] | undefined, until = Infinity): ComparedFigure | undefined {
  let best: ComparedFigure | undefined;
  for (const f of figures ?? []) if (f.etat === 'valeur' && f.ecart !== null && f.annee <= until && (!best || f.annee > best.annee)) best = f;
  return best;
}

function groupBy<T>(items: T[], key: (x: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const x of items) {
    const list = m.get(key(x));
    if (list) list.push(x);
    else m.set(key(x), [x]);
  }
  return m;
}

/**
 * Every change between two tables. A gap counts as widened or narrowed when
 * a newer year brought it, its absolute value moved by more than
 * `threshold` (points for rates) and the two years compared are at least
 * VINTAGE_STEP apart: the previous publication's latest year when it is far
 * enough, else the latest year of this run that is.
 */
export function compareFigures(before: ComparedFigure[], after: ComparedFigure[], threshold = 0.1): Change[] {
  const present = (f: ComparedFigure) => f.etat !== 'absent';
  before = before.filter(present);
  after = after.filter(present);
  const changes: Change[] = [];
  const quartiersBefore = new Map(before.map((f) => [f.quartier_code, f]));
  const quartiersAfter = new Map(after.map((f) => [f.quartier_code, f]));
  const quartierChange = (type: ChangeKind, f: ComparedFigure): Change => ({
    type, quartier_code: f.quartier_code, quartier: f.quartier, epci_code: f.epci_code, indicateur: '', libelle: '', unite: '', perimetre: '', avant: null, apres: null,
  });
  for (const [code, f] of quartiersAfter) if (!quartiersBefore.has(code)) changes.push(quartierChange('quartier_apparu', f));
  for (const [code, f] of quartiersBefore) if (!quartiersAfter.has(code)) changes.push(quartierChange('quartier_sorti', f));
  const inBoth = (f: ComparedFigure) => quartiersBefore.has(f.quartier_code) && quartiersAfter.has(f.quartier_code);

  const figureChange = (type: ChangeKind, f: ComparedFigure, avant: ChangeSide | null, apres: ChangeSide | null): Change => ({
    type, quartier_code: f.quartier_code, quartier: f.quartier, epci_code: f.epci_code, indicateur: f.indicateur, libelle: f.libelle, unite: f.unite, perimetre: f.perimetre, avant, apres,
  });
  const beforeByKey = new Map(before.map((f) => [figureKey(f), f]));
  const afterByKey = new Map(after.map((f) => [figureKey(f), f]));
  const beforeSeries = groupBy(before, series);
  const afterSeries = groupBy(after, series);
  for (const f of after) {
    if (!inBoth(f)) continue;
    const b = beforeByKey.get(figureKey(f));
    if (!b) changes.push(figureChange(beforeSeries.has(series(f)) ? 'nouvelle_annee' : 'nouvel_indicateur', f, null, side(f)));
    else if (b.etat !== f.etat || b.valeur !== f.valeur || b.borne !== f.borne) changes.push(figureChange('chiffre_revise', f, side(b), side(f)));
  }
  for (const b of before) if (inBoth(b) && !afterByKey.has(figureKey(b))) changes.push(figureChange('chiffre_retire', b, side(b), null));

  for (const [key, figures] of afterSeries) {
    if (!inBoth(figures[0]!)) continue;
    const now = latestGap(figures);
    const then = latestGap(beforeSeries.get(key));
    if (!now || !then || now.annee <= then.annee) continue;
    const compared = now.annee - then.annee >= VINTAGE_STEP ? (afterByKey.get(figureKey(then)) ?? then) : latestGap(figures, now.annee - VINTAGE_STEP);
    if (!compared || compared.ecart === null) continue;
    const moved = Math.round((Math.abs(now.ecart!) - Math.abs(compared.ecart)) * 1e9) / 1e9;
    if (moved > threshold) changes.push(figureChange('ecart_creuse', now, side(compared), side(now)));
    else if (moved < -threshold) changes.push(figureChange('ecart_resserre', now, side(compared), side(now)));
  }
  return sortChanges(changes, after);
}

/** By quartier, kind, indicator (in the order of the current table), perimeter and year. */
function sortChanges(changes: Change[], after: ComparedFigure[]): Change[] {
  const indicatorOrder = new Map<string, number>();
  for (const f of after) if (!indicatorOrder.has(f.indicateur)) indicatorOrder.set(f.indicateur, indicatorOrder.size);
  const kind = new Map(CHANGE_KINDS.map((k, i) => [k, i]));
  const year = (c: Change) => c.apres?.annee ?? c.avant?.annee ?? 0;
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return changes.sort(
    (a, b) =>
      cmp(a.quartier_code, b.quartier_code) || kind.get(a.type)! - kind.get(b.type)! ||
      (indicatorOrder.get(a.indicateur) ?? 1e9) - (indicatorOrder.get(b.indicateur) ?? 1e9) || cmp(a.indicateur, b.indicateur) ||
      cmp(a.perimetre, b.perimetre) || year(a) - year(b),
  );
}

export const CHANGES_COLUMNS = [
  'type', 'quartier_code', 'quartier', 'epci_code', 'indicateur', 'libelle', 'unite', 'perimetre',
  'annee_avant', 'etat_avant', 'borne_avant', 'valeur_avant', 'ecart_avant', 'decimales_avant',
  'annee_apres', 'etat_apres', 'borne_apres', 'valeur_apres', 'ecart_apres', 'decimales_apres',
  'publication_precedente',
] as const;

/** `changements.csv`: RFC 4180, UTF-8, `.` decimals, CRLF, like indicateurs.csv. */
export function changesCsv(c: RunChanges): string {
  const sideCells = (s: ChangeSide | null) => (s ? [s.annee, s.etat, s.borne, s.valeur, s.ecart, s.decimales] : ['', '', '', '', '', '']);
  const lines = [CHANGES_COLUMNS.join(',')];
  for (const x of c.changes) {
    const cells: unknown[] = [x.type, x.quartier_code, x.quartier, x.epci_code, x.indicateur, x.libelle, x.unite, x.perimetre, ...sideCells(x.avant), ...sideCells(x.apres), c.previous];
    lines.push(cells.map((v, i) => csvField(v, CHANGES_COLUMNS[i] === 'type' || CHANGES_COLUMNS[i]!.startsWith('borne') || CHANGES_COLUMNS[i]!.startsWith('etat') ? 'borne' : CHANGES_COLUMNS[i])).join(','));
  }
  return lines.join('\r\n') + '\r\n';
}

/** A published changements.csv read back (to carry it over when nothing changed since). */
export function changesFromCsv(csv: string): RunChanges | null {
  const rows = parse(csv.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const kinds = new Set<string>(CHANGE_KINDS);
  const sideOf = (r: Record<string, string>, s: 'avant' | 'apres'): ChangeSide | null =>
    // The same fields in the same order as a comparison makes them: workbook keys hash them as JSON.
    r[`annee_${s}`] ? { annee: Number(r[`annee_${s}`]), etat: r[`etat_${s}`] ?? '', valeur: num(r[`valeur_${s}`]), borne: r[`borne_${s}`] ?? '', decimales: num(r[`decimales_${s}`]) ?? 0, ecart: num(r[`ecart_${s}`]) } : null;
  const changes: Change[] = [];
  for (const r of rows) {
    if (!kinds.has(r.type ?? '')) return null;
    changes.push({
      type: r.type as ChangeKind, quartier_code: text(r.quartier_code), quartier: text(r.quartier), epci_code: r.epci_code ?? '', indicateur: text(r.indicateur), libelle: text(r.libelle), unite: r.unite ?? '',
      perimetre: r.perimetre ?? '', avant: sideOf(r, 'avant'), apres: sideOf(r, 'apres'),
    });
  }
  const previous = rows[0]?.publication_precedente;
  return previous ? { previous, changes } : null;
}

/** The changes about one quartier. */
export function changesOf(c: RunChanges, quartierCode: string): Change[] {
  return c.changes.filter((x) => x.quartier_code === quartierCode);
}

/** How many changes of each kind, in CHANGE_KINDS order, kinds with none left out. */
export function changeCounts(changes: readonly Change[]): [ChangeKind, number][] {
  const n = new Map<ChangeKind, number>();
  for (const c of changes) n.set(c.type, (n.get(c.type) ?? 0) + 1);
  return CHANGE_KINDS.filter((k) => n.has(k)).map((k) => [k, n.get(k)!]);
}

/** The latest year of each indicator that has a value, distinct, ascending: the vintages a publication holds. */
export function latestYears(figures: readonly ComparedFigure[]): number[] {
  const latest = new Map<string, number>();
  for (const f of figures) if (f.etat === 'valeur' && f.annee > (latest.get(f.indicateur) ?? -Infinity)) latest.set(f.indicateur, f.annee);
  return [...new Set(latest.values())].sort((a, b) => a - b);
}

// Each quartier figure against its reference territories: the EPCI (the
// main reference), the quartier's commune and France métropolitaine where
// the sources give them. Gap in points or units, ratio, index (reference =
// 100), and the reading given by the indicator's polarity.

import * as aq from 'arquero';
import type { Bound, Figure, Indicator, Quartier, Registry } from '../model/types.ts';
import { emptyMeasures, type Reading, type TidyRow } from '../model/tidy-row.ts';
import { normalizeName } from '../text/normalize-name.ts';
import { clean, difference, ratio as boundedRatio, signOf, type DerivedBound } from './bounded.ts';

type Table = ReturnType<typeof aq.from>;

/** The reading of a gap: the polarity tells which sign is favourable. */
export function readingOf(gap: number | null, bound: DerivedBound | '', indicator: Pick<Indicator, 'polarity'>): Reading {
  if (gap === null || bound === '') return '';
  if (indicator.polarity === 'neutre') return 'neutre';
  const sign = signOf(gap, bound);
  if (sign === null) return 'indetermine';
  if (sign === 0) return 'neutre';
  const favourable = indicator.polarity === 'hausse_favorable' ? sign > 0 : sign < 0;
  return favourable ? 'favorable' : 'defavorable';
}

export interface GapMeasures {
  ecart: number | null;
  borneEcart: DerivedBound | '';
  ratio: number | null;
  indice: number | null;
  borneRatio: DerivedBound | '';
}

/** Gap, ratio and index (reference = 100) of a value against a reference; empty when either is missing. */
export function gapAgainst(value: number | null, bound: Bound, ref: number | null, refBound: Bound | ''): GapMeasures {
  if (value === null || ref === null || refBound === '') return { ecart: null, borneEcart: '', ratio: null, indice: null, borneRatio: '' };
  const a = { value, bound };
  const b = { value: ref, bound: refBound };
  const d = difference(a, b);
  const q = boundedRatio(a, b);
  return { ecart: d.value, borneEcart: d.bound, ratio: q ? q.value : null, indice: q ? clean(100 * q.value) : null, borneRatio: q ? q.bound : '' };
}

export function quartierIndex(registry: Registry): Map<string, Quartier> {
  const m = new Map<string, Quartier>();
  for (const q of registry.quartiers) {
    m.set(q.code, q);
    if (q.code2015) m.set(q.code2015, q);
  }
  return m;
}

/** The commune whose figures are the quartier's commune reference: the convention's commune, else the first one. */
export function referenceCommune(q: Quartier): string {
  const n = normalizeName(q.conventionCommune);
  return (q.communes.find((c) => normalizeName(c.name) === n) ?? q.communes[0])?.code ?? '';
}

const REF_COLUMNS = ['valeur_reference', 'borne_reference', 'etat_reference', 'decimales_reference', 'valeur_source_reference', 'source_reference', 'couverture_reference'];

function referenceTable(figures: Figure[], codeColumn: string, prefix: string): Table {
  const cols: Record<string, unknown[]> = { [codeColumn]: [], indicateur: [], annee: [] };
  const names = REF_COLUMNS.map((c) => c.replace('reference', prefix));
  for (const n of names) cols[n] = [];
  for (const f of figures) {
    cols[codeColumn]!.push(f.territory);
    cols.indicateur!.push(f.indicator);
    cols.annee!.push(f.year);
    const vals = [f.state === 'valeur' ? f.value : null, f.bound, f.state, f.decimals, f.sourceText, f.sourceLabel, f.coverage ?? ''];
    names.forEach((n, k) => cols[n]!.push(vals[k]));
  }
  return aq.table(cols);
}

/**
 * The references of each quartier figure, joined by territory, indicator and
 * year: its EPCI's, its commune's and France's figures (one column array per
 * field, in join order; `idx` gives each row's figure in `qf`).
 */
function joinReferences(figures: Figure[], qf: Figure[], referenceCodesOf: (f: Figure) => { epci: string; commune: string }) {
  const cols: Record<string, unknown[]> = { i: [], reference_code: [], commune_reference_code: [], france_code: [], indicateur: [], annee: [] };
  qf.forEach((f, i) => {
    const codes = referenceCodesOf(f);
    cols.i!.push(i);
    cols.reference_code!.push(codes.epci);
    cols.commune_reference_code!.push(codes.commune);
    cols.france_code!.push('FR');
    cols.indicateur!.push(f.indicator);
    cols.annee!.push(f.year);
  });
  // France métropolitaine may be coded FRM, FR, FRANCE…: one figure per indicator × year.
  const france = dedupeFrance(figures.filter((f) => f.level === 'france')).map((f) => ({ ...f, territory: 'FR' }));
  // Reference figures are unique per territory × indicator × year (merged at ingestion): a lookup join.
  // Only the references some quartier figure asks for are joined (all of them in a whole run).
  const lookup = (t: Table, level: string, code: string, prefix: string) => {
    const keys = [code, 'indicateur', 'annee'];
    const asked = new Set(cols[code]);
    return t.lookup(referenceTable(figures.filter((f) => f.level === level && asked.has(f.territory)), code, prefix), [keys, keys], REF_COLUMNS.map((c) => c.replace('reference', prefix)));
  };
  const joined = lookup(lookup(aq.table(cols), 'epci', 'reference_code', 'reference'), 'commune', 'commune_reference_code', 'commune')
    .lookup(referenceTable(france, 'france_code', 'france'), [['france_code', 'indicateur', 'annee'], ['france_code', 'indicateur', 'annee']], REF_COLUMNS.map((c) => c.replace('reference', 'france')));
  const col = (name: string) => joined.array(name) as unknown[];
  return {
    idx: col('i'), refCode: col('reference_code'), communeCode: col('commune_reference_code'),
    refVal: col('valeur_reference'), refBound: col('borne_reference'), refDec: col('decimales_reference'),
    refText: col('valeur_source_reference'), refSource: col('source_reference'), refCoverage: col('couverture_reference'),
    comVal: col('valeur_commune'), comBound: col('borne_commune'), franceVal: col('valeur_france'), franceBound: col('borne_france'),
    rows: joined.numRows(),
  };
}

/** The references joined to one quartier figure (row k of joinReferences). */
interface RowReferences {
  /** Whether the main reference (EPCI, or the schools that cover the quartier) has a figure. */
  found: boolean;
  code: string;
  value: number | null;
  bound: Bound | '';
  decimals: number;
  text: string;
  source: string;
  coverage: string;
  communeCode: string;
  commune: { value: number | null; bound: Bound | '' };
  france: { value: number | null; bound: Bound | '' };
}

function referencesAt(j: ReturnType<typeof joinReferences>, k: number): RowReferences {
  const found = j.refText[k] != null;
  const other = (value: unknown, bound: unknown) => {
    const v = (value ?? null) as number | null;
    return { value: v, bound: v === null ? '' : ((bound ?? '') as Bound | '') };
  };
  return {
    found,
    code: found ? (j.refCode[k] as string) : '',
    value: (j.refVal[k] ?? null) as number | null,
    bound: (j.refBound[k] ?? '') as Bound | '',
    decimals: (j.refDec[k] as number | undefined) ?? 0,
    text: (j.refText[k] as string | undefined) ?? '',
    source: (j.refSource[k] as string | undefined) ?? '',
    coverage: (j.refCoverage[k] as string | undefined) ?? '',
    communeCode: (j.communeCode[k] as string) ?? '',
    commune: other(j.comVal[k], j.comBound[k]),
    france: other(j.franceVal[k], j.franceBound[k]),
  };
}

/** One row of the tidy table: the quartier's figure, where it comes from, and its gaps to each reference. */
function measuredRow(f: Figure, q: Quartier | undefined, ind: Indicator, r: RowReferences, decimals: number | undefined, communes: string): TidyRow {
  const value = f.state === 'valeur' ? f.value : null;
  const main = gapAgainst(value, f.bound, r.value, r.bound);
  const com = gapAgainst(value, f.bound, r.commune.value, r.commune.bound);
  const fr = gapAgainst(value, f.bound, r.france.value, r.france.bound);
  return {
    quartier_code: q?.code ?? f.quartierCode ?? f.territory,
    quartier_code_2015: q?.code2015 ?? (f.perimeter === '2015' ? f.territory : ''),
    quartier: q?.name ?? f.territoryName,
    statut: q?.status ?? '',
    communes,
    commune_convention: q?.conventionCommune ?? '',
    epci_code: q?.epci.code ?? '',
    epci: q?.epci.name ?? '',
    indicateur: ind.id,
    libelle: ind.label,
    unite: ind.unit,
    annee: f.year,
    etat: f.state,
    valeur: f.value,
    borne: f.bound,
    decimales: shownDecimals(decimals, f.bound, f.decimals),
    valeur_source: f.sourceText,
    perimetre: f.perimeter,
    source: f.sourceLabel,
    fichier: f.at.file,
    ligne: f.at.line,
    colonne: f.at.column,
    // A reference that covers less than its EPCI (the schools of some communes) is named for what it covers.
    reference: r.found && q ? r.coverage || `${q.epci.shortName} (EPCI ${q.epci.code})` : '',
    reference_code: r.code,
    reference_niveau: r.found ? (r.coverage ? 'etablissements' : 'epci') : '',
    valeur_reference: r.value,
    borne_reference: r.found ? r.bound : '',
    decimales_reference: shownDecimals(decimals, r.bound, r.decimals),
    valeur_source_reference: r.text,
    source_reference: r.source,
    ecart_points: main.ecart,
    borne_ecart: main.borneEcart,
    ratio: main.ratio,
    indice: main.indice,
    borne_ratio: main.borneRatio,
    sens: readingOf(main.ecart, main.borneEcart, ind),
    commune_reference_code: r.communeCode,
    valeur_commune: r.commune.value,
    borne_commune: r.commune.bound,
    ecart_commune: com.ecart,
    borne_ecart_commune: com.borneEcart,
    indice_commune: com.indice,
    valeur_france: r.france.value,
    borne_france: r.france.bound,
    ecart_france: fr.ecart,
    borne_ecart_france: fr.borneEcart,
    indice_france: fr.indice,
    ...emptyMeasures(),
  };
}

/** Quartier figures joined to their references, with gaps, ratios, indices and readings. */
export function measureAgainstReferences(
  figures: Figure[],
  registry: Registry,
  indicators: Map<string, Indicator>,
  scope?: readonly string[],
  /** Publish quartiers outside the registry too (`--tous-les-quartiers`, or no registry at all). */
  publishAll = registry.quartiers.length === 0,
): TidyRow[] {
  const quartiers = quartierIndex(registry);
  const communeOf = new Map(registry.quartiers.map((q) => [q, referenceCommune(q)]));
  const communeNames = new Map(registry.quartiers.map((q) => [q, q.communes.map((c) => c.name).join(', ')]));
  const quartierOf = (f: Figure) => quartiers.get(f.territory) ?? (f.quartierCode ? quartiers.get(f.quartierCode) : undefined);
  const qf = inScope(
    figures.filter((f) => f.level === 'quartier' && (publishAll || quartierOf(f) !== undefined)),
    quartierOf,
    scope,
  );
  const joined = joinReferences(figures, qf, (f) => {
    const q = quartierOf(f);
    return { epci: q?.epci.code ?? '', commune: q ? communeOf.get(q)! : '' };
  });
  const out: TidyRow[] = new Array(joined.rows);
  const decimalsOf = displayDecimals(figures, indicators);
  for (let k = 0; k < out.length; k++) {
    const f = qf[joined.idx[k] as number]!;
    const q = quartierOf(f);
    out[k] = measuredRow(f, q, indicators.get(f.indicator)!, referencesAt(joined, k), decimalsOf.get(f.indicator), q ? communeNames.get(q)! : '');
  }
  return out;
}

/**
 * The decimals each indicator is printed with, everywhere (portraits,
 * charts, maps, workbooks, HTML): the catalogue's `decimales`, else the most
 * decimals any source wrote for the indicator. « 43.0 » and « 42,0 » then
 * both read « 43,0 % » and « 42,0 % ».
 */
export function displayDecimals(figures: readonly Figure[], indicators: Map<string, Indicator>): Map<string, number> {
  const out = new Map<string, number>();
  for (const [id, ind] of indicators) if (ind.decimals !== undefined) out.set(id, ind.decimals);
  const written = new Map<string, number>();
  for (const f of figures) {
    if (f.state !== 'valeur' || out.has(f.indicator) || (f.bound !== '=' && f.bound !== '~')) continue;
    written.set(f.indicator, Math.max(written.get(f.indicator) ?? 0, intendedDecimals(f.decimals, f.value)));
  }
  for (const [id, d] of written) out.set(id, d);
  return out;
}

/**
 * The decimals a source meant: files exported from floating-point tools
 * write `2.7030000000000003` for 2,703 (the real Filosofi panel does), and
 * sixteen decimals would then format every S80/S20 ratio of the report.
 * Beyond twelve significant digits, a decimal is binary noise.
 */
export function intendedDecimals(written: number, value: number | null): number {
  if (value === null || written <= 0 || !Number.isFinite(value)) return written;
  // « 43.0 » means one decimal: only digits past the twelfth significant one are noise.
  const integerDigits = Math.abs(value) < 1 ? 1 : Math.floor(Math.log10(Math.abs(value))) + 1;
  if (integerDigits + written <= 12) return written;
  const text = String(Number(value.toPrecision(12)));
  if (/e/i.test(text)) return written;
  const dot = text.indexOf('.');
  return Math.min(written, dot < 0 ? 0 : text.length - dot - 1);
}

/** A threshold (« plus de 30 % ») keeps the decimals the source wrote: it is not a measured value with a precision. */
function shownDecimals(indicatorDecimals: number | undefined, bound: Bound | '', written: number): number {
  const threshold = bound === '>' || bound === '>=' || bound === '<' || bound === '<=';
  return threshold || indicatorDecimals === undefined ? written : indicatorDecimals;
}

/**
 * The figures of the quartiers in scope and of every quartier sharing an
 * agglomeration with one of them, chosen before any join: the codes each
 * figure's row will carry (`quartier_code`, `quartier_code_2015`,
 * `epci_code`) are known from the registry alone.
 */
function inScope(figures: Figure[], quartierOf: (f: Figure) => Quartier | undefined, scope: readonly string[] | undefined): Figure[] {
  if (!scope) return figures;
  const wanted = new Set(scope);
  const codes = (f: Figure, q: Quartier | undefined) => [q?.code ?? f.quartierCode ?? f.territory, q?.code2015 ?? (f.perimeter === '2015' ? f.territory : '')];
  const asked = (f: Figure, q: Quartier | undefined) => codes(f, q).some((c) => wanted.has(c));
  const epcis = new Set<string>();
  for (const f of figures) {
    const q = quartierOf(f);
    if (q?.epci.code && asked(f, q)) epcis.add(q.epci.code);
  }
  return figures.filter((f) => {
    const q = quartierOf(f);
    return asked(f, q) || (q !== undefined && q.epci.code !== '' && epcis.has(q.epci.code));
  });
}

function dedupeFrance(figures: Figure[]): Figure[] {
  const seen = new Map<string, Figure>();
  // FRM (France métropolitaine) first: the politique de la ville compares with metropolitan France.
  const rank = (f: Figure) => (/^FRM$/i.test(f.territory) ? 0 : 1);
  for (const f of [...figures].sort((a, b) => rank(a) - rank(b))) {
    const key = `${f.indicator}\u0000${f.year}`;
    if (!seen.has(key)) seen.set(key, f);
  }
  return [...seen.values()];
}

// The convention's « Portrait statistique » of a quartier, regenerated from
// the tidy table: the same indicators in the same order, the agglomeration's
// reference beside each, bounds and approximations kept in words.

import type { Catalogue, Indicator, PortraitNote, Quartier } from '../../model/types.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import { difference } from '../../measures/bounded.ts';
import { producerOf } from '../../measures/trajectory.ts';
import { formatFrenchNumber } from '../../text/french-number.ts';
import { formatGap, formatValue, medianDecimals } from './format-value.ts';
import { measures as msg } from '../../messages/measures.ts';
import { markdownText as md } from '../../text/markdown-text.ts';
import { portraitMessages as words, SECTION_TITLES, STATUS_LABELS } from '../../messages/portrait.ts';

export { SECTION_TITLES, STATUS_LABELS };

export interface PortraitInput {
  quartierCode: string;
  quartier?: Quartier;
  rows: TidyRow[];
  catalogue: Catalogue;
  notes: PortraitNote[];
  /** The year of the report: the latest figure up to this year is shown. */
  year: number;
  /** Year against which the population's change is stated (« +500 par rapport à 2015 »). */
  populationBaseYear?: number;
  /** Sentence for the map section (issue 10 fills it when a perimeter exists). */
  mapNote?: string;
}

/** The latest figure of each indicator up to `year`, values before secrets, secrets before absences. */
export function latestRows(rows: TidyRow[], year: number): Map<string, TidyRow> {
  const out = new Map<string, TidyRow>();
  const rank = (r: TidyRow) => (r.etat === 'valeur' ? 2 : r.etat === 'secret' ? 1 : 0);
  for (const r of rows) {
    if (r.annee > year) continue;
    const prev = out.get(r.indicateur);
    if (!prev || r.annee > prev.annee || (r.annee === prev.annee && rank(r) > rank(prev))) out.set(r.indicateur, r);
  }
  return out;
}

export function sourcePhrase(rows: TidyRow[]): string {
  const parts = new Map<string, string>();
  for (const r of rows) {
    const key = `${r.source}|${r.perimetre === '2015'}`;
    if (!parts.has(key)) parts.set(key, words.sourceData(r.source, r.perimetre === '2015'));
  }
  return [...parts.values()].join(' ; ');
}

/**
 * How the portrait names a row's reference: the catalogue's phrase (« sur
 * l'ensemble de l'agglomération ») when the reference is the EPCI, else what
 * it really covers (« pour les écoles d'Auchel, … en 2021-2022 »).
 */
export function referencePhraseOf(row: Pick<TidyRow, 'reference' | 'reference_niveau'>, indicator: Pick<Indicator, 'referencePhrase'>): string {
  if (row.reference_niveau !== 'etablissements') return indicator.referencePhrase;
  return words.schoolsReference(row.reference);
}

/** « ; référence : INSEE 2021 » when the reference comes from another producer than the quartier's figure. */
function referenceSourceNote(row: TidyRow): string {
  if (!row.source_reference || producerOf(row.source_reference) === producerOf(row.source)) return '';
  return words.referenceSource(row.source_reference);
}

export function portraitLine(row: TidyRow, indicator: Indicator, extra = ''): string {
  const value = formatValue({ state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite });
  let ref = '';
  if (row.valeur_reference !== null && row.etat === 'valeur') {
    const refText = formatValue({ state: 'valeur', value: row.valeur_reference, bound: row.borne_reference, decimals: row.decimales_reference, unit: row.unite }, { unit: row.unite === 'pct' || row.unite === 'euros' });
    ref = ` (${refText} ${referencePhraseOf(row, indicator)}${referenceSourceNote(row)})`;
  }
  return `${words.line(indicator.portraitLabel, value)}${extra}${ref}.`;
}

/**
 * The quartier among the quartiers of France, indicator by indicator: the
 * latest year the national files give up to the report's year (it may be
 * older than the portrait's own figure).
 */
export function nationalLines(rows: TidyRow[], catalogue: Catalogue, year: number): string[] {
  const ranked = latestRows(rows.filter((r) => r.rang_national !== null), year);
  return catalogue.indicators.flatMap((i) => (ranked.has(i.id) ? [nationalLine(ranked.get(i.id)!, i)] : []));
}

/** « Taux de pauvreté : 40,2 % en 2019, 782e sur 1 292 quartiers du plus élevé au plus bas ; médiane des QPV : 42,4 % (−2,2 points). » */
function nationalLine(row: TidyRow, indicator: Indicator): string {
  const value = formatValue({ state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite });
  const median = formatValue({ state: 'valeur', value: row.mediane_qpv, bound: '', decimals: medianDecimals(row.mediane_qpv!, row.decimales, row.unite), unit: row.unite });
  const gap = formatGap(row.ecart_mediane_qpv!, '', row.decimales, row.unite);
  const higherFirst = indicator.polarity !== 'hausse_favorable';
  return msg.nationalContext(indicator.portraitLabel, value, row.annee, row.rang_national!, formatFrenchNumber(row.rang_national_sur!, 0), higherFirst, median, gap);
}

function populationChange(rows: TidyRow[], current: TidyRow, baseYear: number): string {
  const base = rows.find((r) => r.indicateur === 'population' && r.annee === baseYear && r.etat === 'valeur');
  if (!base || current.valeur === null || base.valeur === null || current.annee === baseYear) return '';
  const d = difference({ value: current.valeur, bound: current.borne }, { value: base.valeur, bound: base.borne });
  if (d.bound === '?') return '';
  const decimals = Math.max(current.decimales, base.decimales);
  return words.populationChange(formatFrenchNumber(d.value, decimals, { sign: true }), baseYear);
}

export function renderPortrait(input: PortraitInput): string {
  const { quartier, rows, catalogue, notes, year } = input;
  const byId = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const latest = latestRows(rows, year);
  const name = quartier?.name ?? rows[0]?.quartier ?? input.quartierCode;
  const out: string[] = [];
  out.push(`# ${md(name)}`, '');
  out.push(words.status(quartier ? STATUS_LABELS[quartier.status]! : words.outsideRegistry), '');
  const code2015 = quartier?.code2015 || rows.find((r) => r.quartier_code_2015)?.quartier_code_2015 || '';
  out.push(md(words.code(input.quartierCode, code2015)), '');
  if (quartier) {
    out.push(md(words.communes(quartier.communes.map((c) => c.name))), '');
    out.push(md(words.agglomeration(quartier.epci.name, quartier.epci.shortName)), '');
  }
  out.push(`## ${words.mapTitle}`, '');
  out.push(input.mapNote ?? words.noPerimeter, '');

  const portrait = catalogue.indicators.filter((i) => i.inPortrait && latest.has(i.id));
  const others = catalogue.indicators.filter((i) => !i.inPortrait && latest.has(i.id));
  out.push(`## ${words.portraitTitle}`, '');
  if (portrait.length === 0) {
    out.push(words.noData, '');
  } else {
    const shown = portrait.map((i) => latest.get(i.id)!);
    const years = countBy(shown.map((r) => r.annee));
    const mainYear = [...years.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]![0];
    out.push(md(`(${sourcePhrase(shown)})`), '');
    for (const ind of portrait) {
      const row = latest.get(ind.id)!;
      let extra = '';
      if (ind.id === 'population') extra = populationChange(rows, row, input.populationBaseYear ?? 2015);
      if (row.annee !== mainYear) extra += ` (${row.annee})`;
      out.push(md(portraitLine(row, ind, extra)), '');
    }
  }
  if (others.length) {
    out.push(`### ${words.othersTitle}`, '');
    for (const ind of others) {
      const row = latest.get(ind.id)!;
      out.push(`- ${md(portraitLine(row, ind, ` (${row.annee}, ${row.source})`))}`);
    }
    out.push('');
  }
  // The latest year that the national files give, which may be older than the portrait's own figure.
  const national = nationalLines(rows, catalogue, year);
  if (national.length) {
    out.push(`### ${msg.nationalContextTitle}`, '', msg.nationalContextSource, '');
    for (const line of national) out.push(`- ${md(line)}`);
    out.push('');
  }
  for (const section of ['irritant', 'opportunite', 'enjeu_prioritaire'] as const) {
    const items = notes.filter((n) => n.quartier === input.quartierCode && n.section === section).sort((a, b) => a.order - b.order);
    if (!items.length) continue;
    out.push(`## ${SECTION_TITLES[section]}`, '');
    for (const n of items) out.push(`- ${md(n.text)}`);
    out.push('');
  }
  void byId;
  return out.join('\n').replace(/\n+$/, '\n');
}

function countBy<T>(xs: T[]): Map<T, number> {
  const m = new Map<T, number>();
  for (const x of xs) m.set(x, (m.get(x) ?? 0) + 1);
  return m;
}

// Each quartier figure against its reference territory (the EPCI by
// default): gap in points or units, ratio, index (reference = 100), and the
// reading given by the indicator's polarity.

import * as aq from 'arquero';
import type { Catalogue, Figure, Indicator, Quartier, Registry } from '../model/types.ts';
import type { Reading, TidyRow } from '../model/tidy-row.ts';
import { difference, ratio as boundedRatio, signOf, type DerivedBound } from './bounded.ts';

type Table = ReturnType<typeof aq.from>;

export interface BaselineInput {
  figures: Figure[];
  registry: Registry;
  catalogue: Catalogue;
}

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

function quartierIndex(registry: Registry): Map<string, Quartier> {
  const m = new Map<string, Quartier>();
  for (const q of registry.quartiers) {
    m.set(q.code, q);
    if (q.code2015) m.set(q.code2015, q);
  }
  return m;
}

/** The tidy table: quartier figures joined to their reference figures, with measures. */
export function normalizeAgainstBaseline(input: BaselineInput): TidyRow[] {
  const { figures, registry, catalogue } = input;
  const quartiers = quartierIndex(registry);
  const indicators = new Map(catalogue.indicators.map((i) => [i.id, i]));
  const order = new Map(catalogue.indicators.map((i, k) => [i.id, k]));

  // The registry's fields of a quartier, computed once per quartier rather than once per figure.
  const quartierFields = new Map<Quartier, ReturnType<typeof fieldsOf>>();
  const quartierFigures = figures
    .filter((f) => f.level === 'quartier')
    .map((f) => {
      const q = quartiers.get(f.territory) ?? (f.quartierCode ? quartiers.get(f.quartierCode) : undefined);
      let fields = q && quartierFields.get(q);
      if (q && !fields) quartierFields.set(q, (fields = fieldsOf(q)));
      return {
        indicateur: f.indicator,
        annee: f.year,
        etat: f.state,
        valeur: f.value,
        borne: f.bound,
        decimales: f.decimals,
        valeur_source: f.sourceText,
        perimetre: f.perimeter,
        source: f.sourceLabel,
        fichier: f.at.file,
        ligne: f.at.line,
        colonne: f.at.column,
        quartier_code: q?.code ?? f.quartierCode ?? f.territory,
        quartier_code_2015: q?.code2015 ?? (f.perimeter === '2015' ? f.territory : ''),
        quartier: q?.name ?? f.territoryName,
        statut: q?.status ?? '',
        communes: fields?.communes ?? '',
        commune_convention: q?.conventionCommune ?? '',
        epci_code: q?.epci.code ?? '',
        epci: q?.epci.name ?? '',
        reference_code: q?.epci.code ?? '',
        reference: fields?.reference ?? '',
      };
    });
  const references = figures
    .filter((f) => f.level === 'epci')
    .map((f) => ({
      reference_code: f.territory,
      indicateur: f.indicator,
      annee: f.year,
      valeur_reference: f.value,
      borne_reference: f.bound,
      etat_reference: f.state,
      decimales_reference: f.decimals,
      valeur_source_reference: f.sourceText,
      source_reference: f.sourceLabel,
    }));

  const left: Table = aq.from(quartierFigures);
  const right: Table = references.length
    ? aq.from(references)
    : aq.table({ reference_code: [], indicateur: [], annee: [], valeur_reference: [], borne_reference: [], etat_reference: [], decimales_reference: [], valeur_source_reference: [], source_reference: [] });
  const keys = ['reference_code', 'indicateur', 'annee'];
  const joined = left.join_left(right, [keys, keys], [aq.all(), aq.not(keys)]);

  const rows = joined.objects() as Record<string, unknown>[];
  const out: TidyRow[] = rows.map((r) => {
    const ind = indicators.get(r.indicateur as string)!;
    const value = r.valeur as number | null;
    const refValue = (r.valeur_reference ?? null) as number | null;
    const hasRef = r.etat_reference === 'valeur' && refValue !== null && value !== null;
    let gap: number | null = null;
    let gapBound: DerivedBound | '' = '';
    let rat: number | null = null;
    let ratBound: DerivedBound | '' = '';
    if (hasRef) {
      const a = { value: value!, bound: r.borne as TidyRow['borne'] };
      const b = { value: refValue!, bound: r.borne_reference as TidyRow['borne'] };
      const d = difference(a, b);
      gap = d.value;
      gapBound = d.bound;
      const q = boundedRatio(a, b);
      if (q) {
        rat = q.value;
        ratBound = q.bound;
      }
    }
    const row: TidyRow = {
      quartier_code: r.quartier_code as string,
      quartier_code_2015: r.quartier_code_2015 as string,
      quartier: r.quartier as string,
      statut: r.statut as string,
      communes: r.communes as string,
      commune_convention: r.commune_convention as string,
      epci_code: r.epci_code as string,
      epci: r.epci as string,
      indicateur: ind.id,
      libelle: ind.label,
      unite: ind.unit,
      annee: r.annee as number,
      etat: r.etat as TidyRow['etat'],
      valeur: value,
      borne: r.borne as TidyRow['borne'],
      decimales: r.decimales as number,
      valeur_source: r.valeur_source as string,
      perimetre: r.perimetre as TidyRow['perimetre'],
      source: r.source as string,
      fichier: r.fichier as string,
      ligne: r.ligne as number,
      colonne: r.colonne as string,
      reference: r.valeur_source_reference !== undefined && r.valeur_source_reference !== null ? (r.reference as string) : '',
      reference_code: r.valeur_source_reference != null ? (r.reference_code as string) : '',
      reference_niveau: r.valeur_source_reference != null ? 'epci' : '',
      valeur_reference: r.etat_reference === 'valeur' ? refValue : null,
      borne_reference: (r.borne_reference as TidyRow['borne']) ?? '',
      decimales_reference: (r.decimales_reference as number) ?? 0,
      valeur_source_reference: (r.valeur_source_reference as string) ?? '',
      source_reference: (r.source_reference as string) ?? '',
      ecart_points: gap,
      borne_ecart: gapBound,
      ratio: rat,
      indice: rat === null ? null : Number((100 * rat).toPrecision(12)),
      borne_ratio: ratBound,
      sens: readingOf(gap, gapBound, ind),
    };
    return row;
  });
  out.sort(
    (a, b) =>
      cmp(a.quartier_code, b.quartier_code) || (order.get(a.indicateur)! - order.get(b.indicateur)!) || a.annee - b.annee,
  );
  return out;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function fieldsOf(q: Quartier) {
  return { communes: q.communes.map((c) => c.name).join(', '), reference: `${q.epci.shortName} (EPCI ${q.epci.code})` };
}

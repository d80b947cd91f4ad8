// Test inputs for the maps from the committed Occitanie fixtures: the
// perimeters, the communes, and tidy rows of the poverty rate (tp60,
// Filosofi 2015) built directly from the Hackaviz indicator file. The
// reference of these rows is the population-weighted rate of the 105
// quartiers together, computed from the same file (not an official figure):
// enough to give every quartier an index around 100. Empty cells are
// secrets, as in INSEE panels.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readGeoJson } from '../../../lib/ingest/geojson.ts';
import { decodeText } from '../../../lib/ingest/decode.ts';
import { parseCsvTable } from '../../../lib/ingest/csv-table.ts';
import type { GeoSources } from '../../../lib/model/geo.ts';
import type { Indicator } from '../../../lib/model/types.ts';
import { emptyMeasures, type TidyRow } from '../../../lib/model/tidy-row.ts';
import { mergeGeo } from '../../../lib/ingest/geojson.ts';

export const GEO_FIXTURES = fileURLToPath(new URL('../../fixtures/geo/', import.meta.url));
export const PERIMETERS_FILE = 'occitanie_qp_perimetres_2015.geojson';
export const COMMUNES_FILE = 'occitanie_communes_qpv.geojson';

export function occitanieGeo(): GeoSources {
  const read = (name: string) => readGeoJson(name, readFileSync(GEO_FIXTURES + name, 'utf8'));
  return mergeGeo([read(PERIMETERS_FILE), read(COMMUNES_FILE)]);
}

export const POVERTY: Indicator = {
  id: 'taux_pauvrete', label: 'Taux de pauvreté', portraitLabel: 'Taux de pauvreté', unit: 'pct', polarity: 'baisse_favorable', order: 30,
  aliases: ['tp60'], referencePhrase: "sur l'ensemble des quartiers", inPortrait: true,
};

export function occitaniePovertyRows(): TidyRow[] {
  const { text } = decodeText(readFileSync(GEO_FIXTURES + 'occitanie_qp_indicateurs.csv'));
  const table = parseCsvTable(text, 'occitanie_qp_indicateurs.csv');
  const col = (name: string) => table.header.indexOf(name);
  const [iCode, iName, iCommune, iPop, iTp] = [col('code_qp'), col('nom_qp'), col('nom_commune'), col('pop_mun'), col('tp60')];
  const parsed = table.rows.map((r) => ({ code: r[iCode]!, name: r[iName]!, commune: r[iCommune]!, pop: Number(r[iPop]), tp: r[iTp] === '' ? null : Number(r[iTp]) }));
  const withValue = parsed.filter((p) => p.tp !== null);
  const reference = Math.round((withValue.reduce((s, p) => s + p.tp! * p.pop, 0) / withValue.reduce((s, p) => s + p.pop, 0)) * 10) / 10;
  return parsed.map((p, i): TidyRow => ({
    ...emptyMeasures(),
    commune_reference_code: '', valeur_commune: null, borne_commune: '', ecart_commune: null, borne_ecart_commune: '', indice_commune: null,
    valeur_france: null, borne_france: '', ecart_france: null, borne_ecart_france: '', indice_france: null,
    quartier_code: p.code, quartier_code_2015: p.code, quartier: p.name, statut: 'QPV', communes: p.commune, commune_convention: p.commune,
    epci_code: '', epci: '', indicateur: 'taux_pauvrete', libelle: 'Taux de pauvreté', unite: 'pct', annee: 2015,
    etat: p.tp === null ? 'secret' : 'valeur', valeur: p.tp, borne: '=', decimales: 1, valeur_source: p.tp === null ? '' : String(p.tp),
    perimetre: '2015', source: 'Filosofi 2015 (Hackaviz 2021)', fichier: 'occitanie_qp_indicateurs.csv', ligne: table.lines[i] ?? i + 2, colonne: 'tp60',
    reference: 'ensemble des QPV d’Occitanie', reference_code: 'QPV-OCC', reference_niveau: 'quartier', valeur_reference: reference, borne_reference: '=',
    decimales_reference: 1, valeur_source_reference: String(reference), source_reference: 'calculé',
    ecart_points: p.tp === null ? null : Math.round((p.tp - reference) * 10) / 10, borne_ecart: '',
    ratio: p.tp === null ? null : p.tp / reference, indice: p.tp === null ? null : Math.round((p.tp / reference) * 1000) / 10, borne_ratio: '',
    sens: p.tp === null ? '' : p.tp > reference ? 'defavorable' : 'favorable',
  }));
}

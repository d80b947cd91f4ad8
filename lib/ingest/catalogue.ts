// The catalogue of indicators: ids, labels, units, polarities and the
// column names that designate each indicator in known exports.

import type { Catalogue, Indicator, Polarity, Unit } from '../model/types.ts';
import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';
import type { CsvTable } from './csv-table.ts';
import { normalizeName, splitYear } from './header-names.ts';
import { columnIndex, requireColumns } from './columns.ts';

const UNITS: Unit[] = ['pct', 'habitants', 'hectares', 'indice', 'euros', 'nombre'];
const POLARITIES: Polarity[] = ['hausse_favorable', 'baisse_favorable', 'neutre'];

export function isCatalogueHeader(header: string[]): boolean {
  const n = new Set(header.map(normalizeName));
  return n.has('id') && n.has('libelle') && n.has('unite') && n.has('polarite');
}

export function readCatalogue(table: CsvTable, file: string): Catalogue {
  requireColumns(table, file, ['id', 'libelle', 'unite', 'polarite']);
  const c = (name: string) => columnIndex(table.header, name);
  const [id, label, portraitLabel, unit, polarity, order, portrait, refPhrase, alias, decimals] = [
    c('id'), c('libelle'), c('libelle_portrait'), c('unite'), c('polarite'), c('ordre'), c('portrait'), c('reference_portrait'), c('alias'), c('decimales'),
  ];
  const indicators: Indicator[] = table.rows.map((row, i) => {
    const line = table.lines[i]!;
    const get = (k: number) => (k >= 0 ? (row[k] ?? '').trim() : '');
    const u = get(unit);
    if (!UNITS.includes(u as Unit)) throw new DataError(msg.badEnum(file, line, 'unite', u, UNITS), { file, line, column: 'unite' });
    const p = get(polarity);
    if (!POLARITIES.includes(p as Polarity)) throw new DataError(msg.badEnum(file, line, 'polarite', p, POLARITIES), { file, line, column: 'polarite' });
    const theId = get(id);
    if (!/^[a-z][a-z0-9_]*$/.test(theId)) throw new DataError(msg.badEnum(file, line, 'id', theId, ['identifiant en minuscules, chiffres et _']), { file, line, column: 'id' });
    const d = get(decimals);
    if (d !== '' && !/^[0-6]$/.test(d)) throw new DataError(msg.badEnum(file, line, 'decimales', d, ['un nombre de décimales de 0 à 6, ou vide']), { file, line, column: 'decimales' });
    return {
      id: theId,
      label: get(label),
      portraitLabel: get(portraitLabel) || get(label),
      unit: u as Unit,
      polarity: p as Polarity,
      order: Number(get(order)) || (i + 1) * 10,
      aliases: get(alias).split('|').map((a) => a.trim()).filter(Boolean),
      referencePhrase: get(refPhrase) || "sur l'ensemble de l'agglomération",
      inPortrait: !/^(non|no|0|false)$/i.test(get(portrait)),
      ...(d !== '' ? { decimals: Number(d) } : {}),
    };
  });
  indicators.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  return { indicators };
}

/** Normalised name → indicator id, from ids, labels and aliases. */
export type AliasIndex = Map<string, string>;

export function buildAliasIndex(catalogue: Catalogue): AliasIndex {
  const index: AliasIndex = new Map();
  for (const ind of catalogue.indicators) {
    for (const name of [ind.id, ind.label, ind.portraitLabel, ...ind.aliases]) {
      const n = normalizeName(name);
      if (n && !index.has(n)) index.set(n, ind.id);
    }
  }
  return index;
}

export interface IndicatorColumn {
  index: number;
  name: string;
  indicator: string;
  year?: number;
}

/** Match one column name to an indicator, with the year it may carry. */
export function matchIndicator(name: string, aliases: AliasIndex): { indicator: string; year?: number } | undefined {
  const n = normalizeName(name);
  const direct = aliases.get(n);
  if (direct) return { indicator: direct };
  const { base, year } = splitYear(n);
  const viaBase = aliases.get(base);
  if (viaBase) return { indicator: viaBase, year };
  return undefined;
}

// Reference lists of quartiers (INSEE/ANCT: QPV 2015 names and communes,
// QPV 2024 with commune and EPCI). They carry no figures; they name the
// quartiers that the registry does not know.

import { CODE_COLUMNS, columnIndex } from '../columns.ts';
import type { DataKind, QuartierListEntry, ReadContext } from '../source-context.ts';
import { indicatorColumns } from './wide-export.ts';
import { msg } from '../../messages/index.ts';

const NAME_COLUMNS = ['nom_qp', 'lib_qp', 'libelle_qp', 'nom du quartier', 'label_qp', 'nom'];
const COMMUNE_CODE_COLUMNS = ['insee_com', 'code commune', 'code_commune', 'codgeo_com'];
const COMMUNE_NAME_COLUMNS = ['lib_com', 'nom_commune', 'nom de la commune', 'libelle commune'];
const EPCI_CODE_COLUMNS = ['siren_epci', 'code epci', 'epci', 'code_epci'];
const EPCI_NAME_COLUMNS = ['lib_epci', 'nom_epci', 'libelle epci'];

/** Markers of a missing value in these lists (`NA` in the ANCT extract). */
const MISSING = new Set(['', 'NA', 'N/A', 'nd']);

export function isQuartierList(header: string[], ctx: Pick<ReadContext, 'aliases'>): boolean {
  return (
    columnIndex(header, ...CODE_COLUMNS) >= 0 &&
    columnIndex(header, ...NAME_COLUMNS) >= 0 &&
    (columnIndex(header, ...COMMUNE_CODE_COLUMNS) >= 0 || columnIndex(header, ...EPCI_CODE_COLUMNS) >= 0) &&
    indicatorColumns(header, ctx).length === 0
  );
}

export function readQuartierList(ctx: ReadContext): { quartierList: QuartierListEntry[]; notes: string[] } {
  const { table } = ctx;
  const c = (names: string[]) => columnIndex(table.header, ...names);
  const cols = [c(CODE_COLUMNS), c(NAME_COLUMNS), c(COMMUNE_CODE_COLUMNS), c(COMMUNE_NAME_COLUMNS), c(EPCI_CODE_COLUMNS), c(EPCI_NAME_COLUMNS)] as const;
  const get = (row: string[], k: number) => {
    const v = k >= 0 ? (row[k] ?? '').trim() : '';
    return MISSING.has(v) ? '' : v;
  };
  const list = table.rows
    .map((row) => ({
      code: get(row, cols[0]),
      name: get(row, cols[1]),
      communeCode: get(row, cols[2]),
      communeName: get(row, cols[3]),
      epciCode: get(row, cols[4]),
      epciName: get(row, cols[5]),
    }))
    .filter((e) => e.code !== '');
  return { quartierList: list, notes: [msg.quartierListRead(list.length)] };
}

export const quartierListKind: DataKind = {
  id: 'liste-quartiers',
  label: 'Liste de référence des quartiers (noms, communes, EPCI)',
  detect: isQuartierList,
  read: readQuartierList,
};

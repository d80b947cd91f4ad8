// A data dictionary shipped beside an export (`occitanie_qp_dictionnaire.csv`:
// colonne, description, type, exemple). It describes columns, it holds no
// figures: recognised so that `validate` says it was skipped, not refused.

import { msg } from '../../messages/index.ts';
import { normalizeName } from '../header-names.ts';
import type { DataKind } from '../source-context.ts';

const NAME_COLUMNS = new Set(['colonne', 'variable', 'nom de la variable', 'nom variable', 'champ', 'code variable']);
const DESCRIPTION_COLUMNS = new Set(['description', 'libelle', 'definition', 'intitule', 'libelle de la variable']);

export function isColumnDictionary(header: string[]): boolean {
  const n = header.map(normalizeName);
  return header.length <= 8 && n.some((h) => NAME_COLUMNS.has(h)) && n.some((h) => DESCRIPTION_COLUMNS.has(h));
}

export const columnDictionaryKind: DataKind = {
  id: 'dictionnaire',
  label: 'Dictionnaire de colonnes (ignoré : aucune donnée)',
  detect: (header) => isColumnDictionary(header),
  read: (ctx) => ({ notes: [msg.dictionarySkipped(ctx.table.rows.length)] }),
};

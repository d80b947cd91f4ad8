// The registry of quartiers: codes 2024 and 2015, name, status, communes, EPCI.

import type { Quartier, QuartierStatus, Registry } from '../model/types.ts';
import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';
import type { CsvTable } from './csv-table.ts';
import { normalizeName } from './header-names.ts';
import { columnIndex, requireColumns } from './columns.ts';

export function isRegistryHeader(header: string[]): boolean {
  const n = new Set(header.map(normalizeName));
  return n.has('code 2024') && n.has('statut') && n.has('epci siren');
}

const STATUSES: QuartierStatus[] = ['QPV', 'QIC'];

export function readRegistry(table: CsvTable, file: string): Quartier[] {
  const required = ['code_2024', 'code_2015', 'nom', 'statut', 'communes_insee', 'communes_noms', 'epci_siren', 'epci_nom'];
  requireColumns(table, file, required);
  const c = (n: string) => columnIndex(table.header, n);
  const seen = new Map<string, number>();
  return table.rows.map((row, i) => {
    const line = table.lines[i]!;
    const get = (n: string) => {
      const k = c(n);
      return k >= 0 ? (row[k] ?? '').trim() : '';
    };
    const code = get('code_2024');
    if (!code) throw new DataError(msg.emptyCell(file, line, 'code_2024'), { file, line, column: 'code_2024' });
    if (seen.has(code)) {
      throw new DataError(msg.badEnum(file, line, 'code_2024', code, [`un code absent des lignes précédentes (déjà ligne ${seen.get(code)})`]), { file, line, column: 'code_2024' });
    }
    seen.set(code, line);
    const status = get('statut').toUpperCase();
    if (!STATUSES.includes(status as QuartierStatus)) throw new DataError(msg.badEnum(file, line, 'statut', get('statut'), STATUSES), { file, line, column: 'statut' });
    const codes = split(get('communes_insee'));
    const names = split(get('communes_noms'));
    return {
      code,
      code2015: get('code_2015'),
      name: get('nom'),
      status: status as QuartierStatus,
      communes: codes.map((cc, k) => ({ code: cc, name: names[k] ?? cc })),
      conventionCommune: get('commune_convention') || names[0] || '',
      epci: { code: get('epci_siren'), name: get('epci_nom'), shortName: get('epci_sigle') || get('epci_nom') },
      place: { file, line },
    };
  });
}

function split(s: string): string[] {
  return s.split('|').map((x) => x.trim()).filter(Boolean);
}

export function emptyRegistry(): Registry {
  return { quartiers: [], precedence: [] };
}

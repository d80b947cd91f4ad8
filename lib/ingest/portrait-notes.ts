// The qualitative parts of a convention portrait (irritants, opportunités,
// enjeux prioritaires), transcribed into a file of the sources.

import type { PortraitNote } from '../model/types.ts';
import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';
import type { CsvTable } from './csv-table.ts';
import { normalizeName } from './header-names.ts';
import { columnIndex } from './columns.ts';

const SECTIONS: PortraitNote['section'][] = ['irritant', 'opportunite', 'enjeu_prioritaire'];

export function isPortraitNotesHeader(header: string[]): boolean {
  const n = new Set(header.map(normalizeName));
  return n.has('quartier') && n.has('rubrique') && n.has('texte');
}

export function readPortraitNotes(table: CsvTable, file: string): PortraitNote[] {
  const [q, s, o, t] = [columnIndex(table.header, 'quartier'), columnIndex(table.header, 'rubrique'), columnIndex(table.header, 'ordre'), columnIndex(table.header, 'texte')];
  return table.rows.map((row, i) => {
    const line = table.lines[i]!;
    const section = normalizeName(row[s] ?? '').replace(/ /g, '_');
    if (!SECTIONS.includes(section as PortraitNote['section'])) {
      throw new DataError(msg.badEnum(file, line, 'rubrique', row[s] ?? '', SECTIONS), { file, line, column: 'rubrique' });
    }
    return {
      quartier: (row[q] ?? '').trim(),
      section: section as PortraitNote['section'],
      order: o >= 0 ? Number(row[o]) || i + 1 : i + 1,
      text: (row[t] ?? '').trim(),
    };
  });
}

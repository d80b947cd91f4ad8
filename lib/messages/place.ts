// How a place in a file is written in every message: « fichier:ligne, colonne « X » ».


import { quoteCell } from './quote.ts';

export function where(file: string, line?: number, column?: string | number): string {
  let s = file;
  // A sheet of a workbook (« classeur.xlsx, feuille « QIC 2024 » ») is located by its row number.
  if (line !== undefined) s += file.includes(', feuille « ') ? `, ligne ${line}` : `:${line}`;
  if (column !== undefined) {
    s += typeof column === 'number' ? `, colonne ${column}` : `, colonne « ${quoteCell(column)} »`;
  }
  return s;
}

/** « a, b et c » */
export function frenchList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}

export function plural(n: number, singular: string, pluralForm = `${singular}s`): string {
  return `${n.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ')} ${n > 1 ? pluralForm : singular}`;
}

/** At most `max` examples of a list, and « … » when there are more: no message quotes a whole list. */
export function examples(items: readonly string[], max = 3, separator = ', '): string {
  const shown = items.slice(0, max).map((s) => (s.length > 40 ? `${s.slice(0, 39)}…` : s));
  return `${shown.join(separator)}${items.length > max ? '…' : ''}`;
}

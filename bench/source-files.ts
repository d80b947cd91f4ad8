// How analysts' files write figures and rows: French numbers, delimited
// lines with quoting, and the encodings (UTF-8 with BOM, Windows-1252).

import iconv from 'iconv-lite';

/** 2700 → "2 700", 40.25 (1) → "40,3". `group` puts a space (or no-break space) every three digits. */
export function frenchNumber(value: number, decimals: number, group = ''): string {
  const [i = '0', f] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = group && i.length > 3 ? i.replace(/\B(?=(\d{3})+(?!\d))/g, group) : i;
  return `${value < 0 ? '-' : ''}${grouped}${f ? ',' + f : ''}`;
}

/** 40.25 (1) → "40.3": programs' exports (INSEE panels, IPS files). */
export function dotNumber(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

export function csvLine(cells: readonly string[], delimiter: string): string {
  return cells.map((c) => (c.includes(delimiter) || /["\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(delimiter);
}

export type FileEncoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export function encodeText(text: string, encoding: FileEncoding): Uint8Array {
  if (encoding === 'windows-1252') return new Uint8Array(iconv.encode(text, 'win1252'));
  return new Uint8Array(Buffer.from(encoding === 'utf-8-bom' ? '\ufeff' + text : text, 'utf8'));
}

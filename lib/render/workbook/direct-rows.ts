// Data rows written as SpreadsheetML text, straight into a sheet that
// exceljs laid out. exceljs builds an object per cell and serialises each
// through a generic XML writer: for « Données » (95 columns, thousands of
// rows per agglomeration) that was 70 % of a workbook's time and most of its
// memory. exceljs still writes everything else of the sheet (columns, panes,
// table, print setup) and every style; a probe row of one cell per number
// format tells which style index exceljs gave each format, and the data rows
// take the probe row's place once exceljs has written the package.

import { fitExcelText } from './cell-limit.ts';
import type { ZipEntry } from './stable-zip.ts';

export interface DirectCell {
  value: string | number;
  /** Number format of a number; a string cell has the default style. */
  numFmt?: string;
}

const decoder = new TextDecoder();
const encoder = new TextEncoder();

/** Characters XML 1.0 refuses (exceljs drops them too), and the three that need escaping in text. */
const NEEDS_ESCAPE = /[&<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

export function escapeText(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s;
  return s.replace(/[&<>\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : ''));
}

/** Strings added to the workbook's shared string table, each once. */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly added: string[] = [];
  private references = 0;
  private base = -1;

  /** Index of `text` in the table, once the table exceljs wrote is known (see `load`). */
  id(text: string): number {
    if (this.base < 0) throw new Error('table des chaînes partagées non chargée');
    this.references++;
    let id = this.ids.get(text);
    if (id === undefined) {
      id = this.base + this.added.length;
      this.ids.set(text, id);
      this.added.push(text);
    }
    return id;
  }

  /** Reads how many strings exceljs already shared: new ones are numbered after them. */
  load(sst: string): void {
    this.base = Number(/\buniqueCount="(\d+)"/.exec(sst)?.[1] ?? NaN);
    if (!Number.isInteger(this.base)) throw new Error('table des chaînes partagées illisible (uniqueCount)');
  }

  /** The table with the added strings at its end and its counts updated. */
  appendTo(sst: string): string {
    const open = /<sst\b[^>]*?(\/?)>/.exec(sst);
    if (!open) throw new Error('table des chaînes partagées illisible (<sst>)');
    const count = Number(/\bcount="(\d+)"/.exec(open[0])?.[1] ?? 0) + this.references;
    const unique = this.base + this.added.length;
    const head = open[0]
      .replace(/\/>$/, '>')
      .replace(/\bcount="\d+"/, `count="${count}"`)
      .replace(/\buniqueCount="\d+"/, `uniqueCount="${unique}"`);
    const items = this.added.map((s) => (/^\s|\n|\s$/.test(s) ? `<si><t xml:space="preserve">${escapeText(s)}</t></si>` : `<si><t>${escapeText(s)}</t></si>`)).join('');
    const before = sst.slice(0, open.index);
    if (open[1] === '/') return `${before}${head}${items}</sst>${sst.slice(open.index + open[0].length)}`;
    const close = sst.lastIndexOf('</sst>');
    if (close < 0) throw new Error('table des chaînes partagées illisible (</sst>)');
    return `${before}${head}${sst.slice(open.index + open[0].length, close)}${items}${sst.slice(close)}`;
  }
}

const ROW = (r: number) => new RegExp(`<row r="${r}"[ >][\\s\\S]*?</row>`);

/** The style index exceljs gave each cell of row `row`, by column letter (0 when a cell has none). */
export function probeStyles(sheetXml: string, row: number): Map<string, number> {
  const styles = new Map<string, number>();
  const found = ROW(row).exec(sheetXml);
  if (!found) return styles;
  for (const m of found[0].matchAll(/<c r="([A-Z]+)\d+"([^>]*)>/g)) styles.set(m[1]!, Number(/\bs="(\d+)"/.exec(m[2]!)?.[1] ?? 0));
  return styles;
}

/** One row: string cells shared, numbers with the style index of their format. */
export function rowXml(r: number, cells: readonly (DirectCell | null)[], letters: readonly string[], styleOf: (numFmt: string) => number, strings: SharedStrings): string {
  let xml = `<row r="${r}">`;
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j];
    if (!c) continue;
    if (typeof c.value === 'number') {
      const s = c.numFmt ? styleOf(c.numFmt) : 0;
      xml += s ? `<c r="${letters[j]}${r}" s="${s}"><v>${c.value}</v></c>` : `<c r="${letters[j]}${r}"><v>${c.value}</v></c>`;
    } else {
      xml += `<c r="${letters[j]}${r}" t="s"><v>${strings.id(fitExcelText(c.value))}</v></c>`;
    }
  }
  return xml + '</row>';
}

export interface DirectRows {
  /** Zip path of the sheet, `xl/worksheets/sheetN.xml`. */
  sheet: string;
  /** Row exceljs wrote with one cell per number format, replaced by the data. */
  probeRow: number;
  /** Number format of each probe cell, by column letter. */
  probe: ReadonlyMap<string, string>;
  /** Data rows as XML, once style indices and the string table are known. */
  rows(styleOf: (numFmt: string) => number, strings: SharedStrings): string;
  /** The sheet's used range once filled, `A1:CQ7030`. */
  dimension: string;
}

/** Puts the data rows in place of the probe row, in the package exceljs wrote. */
export function fillRows(entries: ZipEntry[], direct: DirectRows): void {
  const sheet = entries.find((e) => e.name === direct.sheet);
  const sst = entries.find((e) => e.name === 'xl/sharedStrings.xml');
  if (!sheet) throw new Error(`feuille absente du classeur : ${direct.sheet}`);
  if (!sst) throw new Error('table des chaînes partagées absente du classeur');
  const sheetXml = decoder.decode(sheet.data);
  const sstXml = decoder.decode(sst.data);
  const ids = probeStyles(sheetXml, direct.probeRow);
  const byFormat = new Map<string, number>();
  for (const [letter, numFmt] of direct.probe) {
    const id = ids.get(letter);
    if (id === undefined) throw new Error(`cellule témoin absente : ${letter}${direct.probeRow}`);
    byFormat.set(numFmt, id);
  }
  const styleOf = (numFmt: string) => {
    const id = byFormat.get(numFmt);
    if (id === undefined) throw new Error(`format sans cellule témoin : ${numFmt}`);
    return id;
  };
  const strings = new SharedStrings();
  strings.load(sstXml);
  const rows = direct.rows(styleOf, strings);
  const probe = ROW(direct.probeRow).exec(sheetXml);
  let filled: string;
  if (probe) {
    filled = sheetXml.slice(0, probe.index) + rows + sheetXml.slice(probe.index + probe[0].length);
  } else {
    const end = sheetXml.indexOf('</sheetData>');
    if (end < 0) throw new Error(`feuille sans <sheetData> : ${direct.sheet}`);
    filled = sheetXml.slice(0, end) + rows + sheetXml.slice(end);
  }
  filled = filled.replace(/<dimension ref="[^"]*"\/>/, `<dimension ref="${direct.dimension}"/>`);
  sheet.data = encoder.encode(filled);
  sst.data = encoder.encode(strings.appendTo(sstXml));
}

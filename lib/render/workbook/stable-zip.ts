// Re-packs an .xlsx so that the same content gives the same bytes: every
// entry gets the same date and the entries a fixed order
// ([Content_Types].xml first, as Office writes it, then by name). Written by
// hand over Node's native deflate: JSZip's pure-JS deflate was a third of
// the time spent on a workbook, and reading exceljs's output back through
// JSZip copied every chart image byte by byte.

import * as zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** `edit` may change entries' data before they are written (see direct-rows.ts). */
export async function stableZip(bytes: Uint8Array, date: Date, edit?: (entries: ZipEntry[]) => void): Promise<Uint8Array> {
  const entries = readZip(bytes).filter((e) => !e.name.endsWith('/'));
  edit?.(entries);
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  entries.sort((a, b) => rank(a.name) - rank(b.name) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return writeZip(entries, date);
}

/** Raised when a zip cannot be read: exceljs wrote something this reader does not know. */
export class ZipReadError extends Error {}

/**
 * The entries of a zip, from its central directory: stored or deflated
 * entries, no zip64, no encryption (what exceljs writes). Stored entries are
 * views on `bytes`, not copies.
 */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new ZipReadError('fin de répertoire zip introuvable');
  const count = view.getUint16(end + 10, true);
  let p = view.getUint32(end + 16, true);
  const decoder = new TextDecoder();
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) throw new ZipReadError(`entrée ${k} du répertoire zip illisible`);
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const size = view.getUint32(p + 20, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const local = view.getUint32(p + 42, true);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    if (flags & 1) throw new ZipReadError(`entrée chiffrée : ${name}`);
    if (view.getUint32(local, true) !== 0x04034b50) throw new ZipReadError(`en-tête local illisible : ${name}`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const body = bytes.subarray(start, start + size);
    if (method === 0) entries.push({ name, data: body });
    else if (method === 8) entries.push({ name, data: new Uint8Array(zlib.inflateRawSync(body)) });
    else throw new ZipReadError(`méthode de compression ${method} inconnue : ${name}`);
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Entries already compressed (chart images): deflating them again costs time and gains nothing. */
const COMPRESSED = /\.(png|jpe?g|gif)$/i;

import { crc32 } from 'node:zlib';

/** MS-DOS time and date fields, read in UTC so that the time zone never shows. */
function dosDateTime(d: Date): { time: number; date: number } {
  return {
    time: (d.getUTCHours() << 11) | (d.getUTCMinutes() << 5) | (d.getUTCSeconds() >> 1),
    date: ((d.getUTCFullYear() - 1980) << 9) | ((d.getUTCMonth() + 1) << 5) | d.getUTCDate(),
  };
}

/** A plain zip (no zip64: workbooks stay far below 4 GB), entries in the given order. */
export function writeZip(entries: ZipEntry[], date: Date): Uint8Array {
  const { time, date: day } = dosDateTime(date);
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const deflated = COMPRESSED.test(e.name) ? null : zlib.deflateRawSync(e.data, { level: 1 });
    const stored = deflated === null || deflated.length >= e.data.length;
    const body = stored ? Buffer.from(e.data.buffer, e.data.byteOffset, e.data.byteLength) : deflated!;
    const crc = crc32(e.data);
    const method = stored ? 0 : 8;
    const flags = /[^\x20-\x7e]/.test(e.name) ? 0x0800 : 0; // UTF-8 names
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(day, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(time, 12);
    central.writeUInt16LE(day, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  const out = Buffer.concat([...locals, ...centrals, end]);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
}

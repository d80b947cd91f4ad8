// Bytes → text. UTF-8 (with or without BOM) first. A file with no valid
// multi-byte UTF-8 sequence at all and some bytes above 0x7F is read as
// Windows-1252 (a superset of ISO-8859-1 for text), through iconv-lite
// because Node 20's own decoder gets 0x80–0x9F wrong. A file that mixes valid
// multi-byte UTF-8 with invalid bytes is neither: reading it as
// Windows-1252 would turn every accent into « Ã© », so it is an error at the
// first invalid byte. A side file `<nom>.encodage` may declare the encoding.

import iconv from 'iconv-lite';
import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

export interface DecodedText {
  text: string;
  encoding: Encoding;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * UTF-16 text written without its byte-order mark: every other byte is NUL
 * (ASCII letters). It is refused rather than guessed, with a message that
 * says how to save the file.
 */
export function looksUtf16WithoutBom(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4 || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const half = n / 2;
  return (oddZeros > 0.4 * half && evenZeros < 0.05 * half) || (evenZeros > 0.4 * half && oddZeros < 0.05 * half);
}

/** Is this file binary (an image, a zip, an xlsx) rather than text? */
export function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff);
    if (b < 8 || (b > 13 && b < 32 && b !== 27)) control++;
  }
  return n > 0 && control / n > 0.05;
}

/** What a side file `<nom>.encodage` may say, normalised. */
export function parseDeclaredEncoding(text: string): 'utf-8' | 'windows-1252' | null {
  const t = text.replace(/^\ufeff/, '').trim().toLowerCase().replace(/[\s_]/g, '-');
  if (['utf-8', 'utf8'].includes(t)) return 'utf-8';
  if (['windows-1252', 'cp1252', 'win1252', 'latin-1', 'latin1', 'iso-8859-1', 'iso-8859-15', 'ansi'].includes(t)) return 'windows-1252';
  return null;
}

/**
 * Decodes a source file. `file` names it in errors; `declared` is the
 * encoding its side file declares, if any. Throws a DataError for UTF-8 that
 * holds invalid bytes.
 */
export function decodeText(bytes: Uint8Array, file = '', declared?: 'utf-8' | 'windows-1252'): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictUtf8(bytes.subarray(3), file), encoding: 'utf-8-bom' };
  }
  if (declared === 'windows-1252') return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
  if (declared === 'utf-8') return { text: strictUtf8(bytes, file), encoding: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf-16be' };
  }
  const text = utf8Decode(bytes);
  if (text !== null) return { text, encoding: 'utf-8' };
  const scan = scanUtf8(bytes);
  if (scan.multiByte > 0) throw invalidUtf8(bytes, scan.firstInvalid, file);
  return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
}

function strictUtf8(bytes: Uint8Array, file: string): string {
  const text = utf8Decode(bytes);
  if (text !== null) return text;
  throw invalidUtf8(bytes, scanUtf8(bytes).firstInvalid, file);
}

/** Valid multi-byte sequences counted, and where the first invalid byte is (-1: none). */
export function scanUtf8(bytes: Uint8Array): { multiByte: number; firstInvalid: number } {
  let multiByte = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = sequenceLength(bytes, i);
    if (n > 0) {
      multiByte++;
      i += n;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { multiByte, firstInvalid };
}

/** Length of the valid multi-byte UTF-8 sequence starting at `i`, 0 when there is none. */
function sequenceLength(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < bytes.length && bytes[i + k]! >= lo && bytes[i + k]! <= hi;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    const lo = b === 0xe0 ? 0xa0 : 0x80;
    const hi = b === 0xed ? 0x9f : 0xbf;
    return cont(1, lo, hi) && cont(2) ? 3 : 0;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    const lo = b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xf4 ? 0x8f : 0xbf;
    return cont(1, lo, hi) && cont(2) && cont(3) ? 4 : 0;
  }
  return 0;
}

/** The error at the first invalid byte: line, column (in characters), and the bytes there in hex. */
function invalidUtf8(bytes: Uint8Array, at: number, file: string): DataError {
  const lineStart = bytes.lastIndexOf(0x0a, at - 1) + 1;
  let line = 1;
  for (let i = 0; i < lineStart; i++) if (bytes[i] === 0x0a) line++;
  const before = Buffer.from(bytes.subarray(lineStart, at)).toString('utf8');
  const column = [...before].length + 1;
  const shown = Buffer.from(bytes.subarray(at, Math.min(at + 4, bytes.length)))
    .toString('hex')
    .replace(/(..)/g, '$1 ')
    .trim()
    .toUpperCase();
  // The line as UTF-8, the invalid bytes shown as « � ».
  const context = Buffer.from(bytes.subarray(lineStart, Math.min(lineStart + 400, bytes.length))).toString('utf8').split(/\r?\n/)[0]!;
  return new DataError(msg.invalidUtf8(file, line, column, shown, context), { file, line, column });
}

/** Classic mojibake: UTF-8 read as Windows-1252 somewhere upstream (« Ã© », « â€™ »). */
const MOJIBAKE = /Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]|â€[\u0080-\u00bf\u2122\u0153\u02dc\u201c\u201d\u2018\u2019\u2020\u2021\u2022\u2026\u2030\u2039\u203a\u00a6\u0161]|Â[\u00a0-\u00bf]|â‚¬/;

/** The first line (1-based) and text that looks like mojibake, if any. */
export function findMojibake(text: string): { line: number; sample: string } | null {
  const m = MOJIBAKE.exec(text);
  if (!m) return null;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < m.index; i = text.indexOf('\n', i + 1)) line++;
  const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
  const lineEnd = text.indexOf('\n', m.index);
  // Around the match: a few dozen characters of its line.
  const from = Math.max(lineStart, m.index - 40);
  const to = Math.min(lineEnd < 0 ? text.length : lineEnd, m.index + 40);
  return { line, sample: text.slice(from, to).replace(/\r$/, '') };
}

function utf8Decode(bytes: Uint8Array): string | null {
  try {
    return utf8.decode(bytes);
  } catch {
    return null;
  }
}

export const ENCODING_LABELS: Record<Encoding, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 avec BOM',
  'windows-1252': 'Windows-1252',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
};

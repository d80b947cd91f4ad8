// Bytes → text. UTF-8 (with or without BOM) first; anything that is not
// valid UTF-8 is read as Windows-1252 (a superset of ISO-8859-1 for text),
// through iconv-lite because Node 20's own decoder gets 0x80–0x9F wrong.

import iconv from 'iconv-lite';

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

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8Decode(bytes.subarray(3)) ?? iconv.decode(Buffer.from(bytes.subarray(3)), 'win1252'), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf16be'), encoding: 'utf-16be' };
  }
  const text = utf8Decode(bytes);
  if (text !== null) return { text, encoding: 'utf-8' };
  return { text: iconv.decode(Buffer.from(bytes), 'win1252'), encoding: 'windows-1252' };
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

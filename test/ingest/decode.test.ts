import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, looksBinary } from '../../lib/ingest/decode.ts';

describe('decodeText', () => {
  const text = 'Libellé;Coût en € ;L’œuvre\n';
  it('reads UTF-8 without BOM', () => {
    expect(decodeText(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
  });
  it('drops the UTF-8 BOM and says it was there', () => {
    const d = decodeText(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(d).toEqual({ text, encoding: 'utf-8-bom' });
  });
  it('reads Windows-1252 with € ’ œ (bytes 0x80–0x9F) right', () => {
    const bytes = iconv.encode(text, 'win1252');
    expect([...bytes]).toContain(0x80); // €
    expect([...bytes]).toContain(0x92); // ’
    expect([...bytes]).toContain(0x9c); // œ
    expect(decodeText(bytes)).toEqual({ text, encoding: 'windows-1252' });
  });
  it('reads ISO-8859-1 accents as Windows-1252', () => {
    expect(decodeText(Buffer.from([0x50, 0xe9, 0x72, 0x69, 0x6d, 0xe8, 0x74, 0x72, 0x65])).text).toBe('Périmètre');
  });
  it('reads UTF-16 with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code;valeur\n', 'utf16le')]);
    expect(decodeText(le)).toEqual({ text: 'code;valeur\n', encoding: 'utf-16le' });
  });
});

describe('looksBinary', () => {
  it('sees NUL bytes (UTF-16 without BOM, images, archives) as binary', () => {
    expect(looksBinary(Buffer.from('code;valeur\n', 'utf16le'))).toBe(true);
    expect(looksBinary(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]))).toBe(true);
  });
  it('sees text, even Windows-1252, as text', () => {
    expect(looksBinary(iconv.encode('Taux de pauvreté;40,2\r\n', 'win1252'))).toBe(false);
  });
});

describe('looksUtf16WithoutBom', () => {
  it('recognises UTF-16 text that lost its BOM, and nothing else', async () => {
    const { looksUtf16WithoutBom } = await import('../../lib/ingest/decode.ts');
    expect(looksUtf16WithoutBom(Buffer.from('code;tp60\r\nQP062005;40,2\r\n', 'utf16le'))).toBe(true);
    expect(looksUtf16WithoutBom(Buffer.from('code;tp60\r\nQP062005;40,2\r\n', 'utf8'))).toBe(false);
    expect(looksUtf16WithoutBom(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('code;tp60\n', 'utf16le')]))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeText, findMojibake, looksBinary, parseDeclaredEncoding, scanUtf8 } from '../../lib/ingest/decode.ts';
import { DataError } from '../../lib/errors.ts';
import { msg } from '../../lib/messages/index.ts';

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

describe('no silent mis-decoding', () => {
  const utf8Line = 'code;nom;taux\nQP062005;Cité santé;40,2\n';
  const withStray = (text: string, stray: number[], at: number) => {
    const b = Buffer.from(text, 'utf8');
    return Buffer.concat([b.subarray(0, at), Buffer.from(stray), b.subarray(at)]);
  };

  it('valid multi-byte UTF-8 and one stray Latin-1 byte: an error at that byte, with line, column and the byte in hex', () => {
    const text = 'code;nom\nQP062005;Cité\nQP062006;Bois';
    const bytes = Buffer.concat([Buffer.from(text, 'utf8'), Buffer.from([0xe9]), Buffer.from('\n')]);
    const e = (() => {
      try {
        decodeText(bytes, 'insee/f.csv');
      } catch (err) {
        return err as DataError;
      }
    })();
    expect(e).toBeInstanceOf(DataError);
    expect(e!.place).toEqual({ file: 'insee/f.csv', line: 3, column: 14 });
    expect(e!.message).toBe(msg.invalidUtf8('insee/f.csv', 3, 14, 'E9 0A', 'QP062006;Bois\ufffd'));
  });

  it('the column counts characters, not bytes, and a BOM file is held to UTF-8 too', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), withStray(utf8Line, [0x92], Buffer.byteLength('code;nom;taux\nQP062005;Cité s'))]);
    expect(() => decodeText(bytes, 'f.csv')).toThrow(msg.invalidUtf8('f.csv', 2, 16, '92 61 6E 74', 'QP062005;Cité s\ufffdanté;40,2'));
  });

  it('a lone continuation byte, a truncated sequence or an overlong form is invalid; 4-byte sequences are valid', () => {
    expect(scanUtf8(Buffer.from([0x61, 0xc3, 0xa9, 0x80]))).toEqual({ multiByte: 1, firstInvalid: 3 });
    expect(scanUtf8(Buffer.from([0xe2, 0x82, 0x61, 0xc3, 0xa9]))).toEqual({ multiByte: 1, firstInvalid: 0 });
    expect(scanUtf8(Buffer.from([0xc0, 0xaf, 0xc3, 0xa9]))).toEqual({ multiByte: 1, firstInvalid: 0 });
    expect(scanUtf8(Buffer.from('😀é', 'utf8'))).toEqual({ multiByte: 2, firstInvalid: -1 });
  });

  it('a genuine Windows-1252 file (no valid multi-byte UTF-8 at all) is still read as such', () => {
    const text = 'Libellé;Coût en € ;L’œuvre – « é »\n';
    expect(decodeText(iconv.encode(text, 'win1252'), 'f.csv')).toEqual({ text, encoding: 'windows-1252' });
  });

  it('a side file may declare the encoding: windows-1252 reads any bytes, utf-8 refuses Latin-1', () => {
    const mixed = withStray(utf8Line, [0xe9], 5);
    expect(decodeText(mixed, 'f.csv', 'windows-1252').encoding).toBe('windows-1252');
    expect(() => decodeText(iconv.encode('Périmètre\n', 'win1252'), 'f.csv', 'utf-8')).toThrow(DataError);
    expect(parseDeclaredEncoding('\ufeff UTF-8\n')).toBe('utf-8');
    expect(parseDeclaredEncoding('ISO-8859-1')).toBe('windows-1252');
    expect(parseDeclaredEncoding('ebcdic')).toBeNull();
  });

  it('mojibake patterns are found with their line', () => {
    for (const bad of ['santÃ©', 'lâ€™école', 'Ã‰cole', 'coÃ»t', 'â‚¬', 'Â°C']) {
      expect(findMojibake(`code;nom\nQP1;${bad}\n`), bad).toEqual({ line: 2, sample: `QP1;${bad}` });
    }
    for (const good of ['santé', 'l’école', 'CÂTEAU', 'Ã', 'â']) expect(findMojibake(`code;nom\nQP1;${good}\n`), good).toBeNull();
  });
});

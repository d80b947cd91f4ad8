import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { crc32, writeZip } from '../../../lib/render/workbook/stable-zip.ts';

describe('writeZip', () => {
  it('writes entries JSZip reads back, in order, with the given UTC date and the right CRC', async () => {
    const text = new TextEncoder().encode('<x>'.repeat(1000) + 'é');
    const tiny = new TextEncoder().encode('a');
    const date = new Date(Date.UTC(2022, 0, 1));
    const bytes = writeZip([{ name: '[Content_Types].xml', data: text }, { name: 'b/été.txt', data: tiny }], date);
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(Object.keys(zip.files)).toEqual(['[Content_Types].xml', 'b/été.txt']);
    expect(await zip.files['[Content_Types].xml']!.async('uint8array')).toEqual(text);
    expect(await zip.files['b/été.txt']!.async('string')).toBe('a');
    expect(zip.files['b/été.txt']!.date.toISOString()).toBe('2022-01-01T00:00:00.000Z');
    expect(Buffer.compare(Buffer.from(bytes), Buffer.from(writeZip([{ name: '[Content_Types].xml', data: text }, { name: 'b/été.txt', data: tiny }], date)))).toBe(0);
  });

  it('computes the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { readZip, stableZip, writeZip, ZipReadError } from '../../../lib/render/workbook/stable-zip.ts';

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

  it('stores chart images as they are: a PNG is already deflated', async () => {
    const png = new Uint8Array(4096).fill(7); // compressible, yet must stay stored
    const xml = new TextEncoder().encode('<a/>'.repeat(500));
    const bytes = writeZip([{ name: 'xl/media/image1.png', data: png }, { name: 'xl/a.xml', data: xml }], new Date(Date.UTC(2022, 0, 1)));
    const view = Buffer.from(bytes);
    expect(view.readUInt16LE(8)).toBe(0); // first local header: method 0, stored
    const second = 30 + 'xl/media/image1.png'.length + png.length;
    expect(view.readUInt16LE(second + 8)).toBe(8); // the XML is deflated
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    expect(await zip.files['xl/media/image1.png']!.async('uint8array')).toEqual(png);
  });
});

describe('readZip', () => {
  it('reads back what JSZip writes, stored or deflated, names in UTF-8', async () => {
    const z = new JSZip();
    z.file('[Content_Types].xml', '<Types/>');
    z.file('xl/worksheets/été.xml', 'x'.repeat(3000));
    z.file('xl/media/image1.png', new Uint8Array([1, 2, 3]));
    z.folder('vide');
    for (const compression of ['STORE', 'DEFLATE'] as const) {
      const bytes = await z.generateAsync({ type: 'uint8array', compression });
      const entries = readZip(bytes);
      const byName = new Map(entries.map((e) => [e.name, e.data]));
      expect(new TextDecoder().decode(byName.get('xl/worksheets/été.xml'))).toBe('x'.repeat(3000));
      expect([...byName.get('xl/media/image1.png')!]).toEqual([1, 2, 3]);
      expect(new TextDecoder().decode(byName.get('[Content_Types].xml'))).toBe('<Types/>');
    }
  });

  it('re-packs in a fixed order whatever order the entries came in', async () => {
    const a = new JSZip();
    a.file('xl/b.xml', 'b');
    a.file('[Content_Types].xml', 'c');
    a.file('_rels/.rels', 'r');
    const b = new JSZip();
    b.file('_rels/.rels', 'r');
    b.file('xl/b.xml', 'b');
    b.file('[Content_Types].xml', 'c');
    const date = new Date(Date.UTC(2023, 0, 1));
    const pa = await stableZip(await a.generateAsync({ type: 'uint8array' }), date);
    const pb = await stableZip(await b.generateAsync({ type: 'uint8array' }), date);
    expect(Buffer.compare(Buffer.from(pa), Buffer.from(pb))).toBe(0);
    expect(readZip(pa).map((e) => e.name)).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/b.xml']);
  });

  it('refuses what is not a zip', () => {
    expect(() => readZip(new TextEncoder().encode('pas un zip'.repeat(10)))).toThrow(ZipReadError);
  });
});

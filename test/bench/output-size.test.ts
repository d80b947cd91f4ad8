import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { differingOutputs, measureOutput } from '../../bench/output-size.ts';
import { megapixels } from '../../bench/phase-report.ts';
import { createPngEncoder } from '../../lib/render/charts/png-encode.ts';

const encodePng = createPngEncoder();

const dir = mkdtempSync(join(tmpdir(), 'quartiers-output-size-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('measureOutput', () => {
  it('counts files per kind and sums the pixels of the PNGs from their headers', async () => {
    mkdirSync(join(dir, 'graphiques', 'QN06205M'), { recursive: true });
    writeFileSync(join(dir, 'graphiques', 'QN06205M', 'ecarts.png'), encodePng(new Uint8Array(30 * 20 * 4), 30, 20));
    writeFileSync(join(dir, 'graphiques', 'classement.png'), encodePng(new Uint8Array(7 * 5 * 4), 7, 5));
    writeFileSync(join(dir, 'graphiques', 'classement.vl.json'), '{}\n');
    // Not a PNG despite its name: no pixels counted.
    writeFileSync(join(dir, 'graphiques', 'vide.png'), '');
    const size = await measureOutput(dir);
    expect(size.files).toBe(4);
    expect(size.byKind.get('.png')).toBe(3);
    expect(size.byKind.get('.vl.json')).toBe(1);
    expect(size.pngPixels).toBe(30 * 20 + 7 * 5);
  });
});

describe('megapixels', () => {
  it('writes millions of pixels the French way', () => {
    expect(megapixels(1_550_000)).toBe('1,55 Mpx');
    expect(megapixels(10_800_000_000)).toBe('10 800 Mpx');
  });
});

describe('differingOutputs', () => {
  const manifest = (...files: [string, string][]) => JSON.stringify({ genere_le: 'x', sorties: files.map(([fichier, sha256]) => ({ fichier, sha256, octets: 1 })) });
  it('names the files missing from one folder or with other bytes, nothing when all match', () => {
    const a = manifest(['a.svg', '1'], ['b.png', '2'], ['c.csv', '3']);
    expect(differingOutputs(a, manifest(['c.csv', '3'], ['b.png', '2'], ['a.svg', '1']))).toEqual([]);
    expect(differingOutputs(a, manifest(['a.svg', '1'], ['b.png', '9'], ['d.md', '4']))).toEqual(['b.png', 'c.csv', 'd.md']);
  });
});

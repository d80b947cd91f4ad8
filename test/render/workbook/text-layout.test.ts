import { describe, expect, it } from 'vitest';
import { layout } from './fixtures.ts';

describe('text layout in DejaVu Sans', () => {
  it('measures a column unit as the width of « 0 » at 11 pt (7 pt, what LibreOffice draws here)', () => {
    expect(layout.unitPt).toBeCloseTo(7.0, 1);
    expect(layout.units('0000000000')).toBeCloseTo(10 + 4 / layout.unitPt, 1);
  });

  it('wraps at word boundaries within the column', () => {
    const text = 'Texte assez long pour être coupé en plusieurs lignes dans la cellule étroite';
    // Column of 20 units: LibreOffice printed this text on 4 lines.
    expect(layout.lines(text, 20)).toBe(4);
    expect(layout.lines(text, 200)).toBe(1);
    expect(layout.lines('un\ndeux', 200)).toBe(2);
  });

  it('breaks a word wider than the column over as many lines as it needs', () => {
    const hash = 'b28459ba83764ccb4b5481ac27e6cadc02aa737dcbec9f13ecaa211f2e80acb3';
    expect(layout.lines(hash, 20)).toBeGreaterThanOrEqual(3);
  });

  it('gives one line the default row height, more lines more room', () => {
    expect(layout.rowHeight(1)).toBe(15);
    expect(layout.rowHeight(3)).toBeGreaterThan(3 * 11 * 1.17);
  });
});

describe('text layout at hyphens', () => {
  it('breaks a line after a hyphen, as LibreOffice printed « Cités 5, de / Marles et / du Rond- / Point » in 9,1 units', () => {
    expect(layout.lines('Cités 5, de Marles et du Rond-Point', 9.1)).toBe(4);
    expect(layout.lines('Rond-Point', 200)).toBe(1);
  });
});

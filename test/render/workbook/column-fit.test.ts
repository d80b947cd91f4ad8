import { describe, expect, it } from 'vitest';
import { fitWidths } from '../../../lib/render/workbook/column-fit.ts';

// Two wrapped columns: a text 60 units long and one 30 units long; a row is as tall as its longer text's lines.
const lines = (w: readonly number[]) => Math.max(Math.ceil(60 / w[0]!), Math.ceil(30 / w[1]!));

describe('fitWidths', () => {
  it('gives the width to the column whose text makes the rows tall', () => {
    const w = fitWidths({ start: [10, 30], lo: [5, 5], hi: [60, 60], fixed: 0, maxTotal: 40 }, lines);
    expect(lines([10, 30])).toBe(6);
    expect(lines(w)).toBe(3);
    expect(w[0]! + w[1]!).toBeLessThanOrEqual(40);
  });

  it('narrows a sheet too wide to print at 8 pt, within each column’s bounds', () => {
    const w = fitWidths({ start: [40, 40], lo: [5, 12], hi: [60, 60], fixed: 10, maxTotal: 50 }, lines);
    expect(10 + w[0]! + w[1]!).toBeLessThanOrEqual(50);
    expect(w[1]).toBeGreaterThanOrEqual(12);
    expect(lines(w)).toBe(3);
  });

  it('keeps the widths asked for when no move saves a page', () => {
    expect(fitWidths({ start: [30, 15], lo: [5, 5], hi: [60, 60], fixed: 0, maxTotal: 45 }, lines)).toEqual([30, 15]);
  });
});

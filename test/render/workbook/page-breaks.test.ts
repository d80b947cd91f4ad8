import { describe, expect, it } from 'vitest';
import { pageBreaks } from '../../../lib/render/workbook/page-breaks.ts';

const rows15 = () => 15;
const page150 = { first: 150, next: 150 };

describe('pageBreaks', () => {
  it('ends every full page on a manual break', () => {
    expect(pageBreaks(25, rows15, page150, [])).toEqual([10, 20]);
  });

  it('breaks before a block that would not fit on what is left of the page', () => {
    // 10 rows of 15 pt a page; rows 8-12 kept together start page 2, which then holds rows 8-17.
    expect(pageBreaks(20, rows15, page150, [{ first: 8, last: 12 }])).toEqual([7, 17]);
  });

  it('adds no break inside a page when blocks fall within pages', () => {
    expect(pageBreaks(20, rows15, page150, [{ first: 2, last: 5 }, { first: 12, last: 15 }])).toEqual([10]);
  });

  it('starts a block taller than a page on a page of its own, and cuts it only where a page is full', () => {
    expect(pageBreaks(40, rows15, page150, [{ first: 5, last: 25 }, { first: 26, last: 27 }])).toEqual([4, 14, 24, 34]);
  });

  it('counts each row’s own height', () => {
    const heights = (r: number) => (r === 3 ? 100 : 15);
    expect(pageBreaks(10, heights, page150, [{ first: 4, last: 5 }])).toEqual([3]);
  });

  it('leaves room for the rows repeated at the top of the pages after the first', () => {
    // Page 1 holds 10 rows; the others 8 under the 30 pt of repeated rows.
    expect(pageBreaks(30, rows15, { first: 150, next: 120 }, [])).toEqual([10, 18, 26]);
  });
});

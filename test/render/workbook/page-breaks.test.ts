import { describe, expect, it } from 'vitest';
import { pageBreaks } from '../../../lib/render/workbook/page-breaks.ts';

const rows15 = () => 15;

describe('pageBreaks', () => {
  it('breaks before a block that would not fit on what is left of the page', () => {
    // 10 rows of 15 pt a page; rows 8-12 kept together start page 2.
    expect(pageBreaks(20, rows15, 150, [{ first: 8, last: 12 }])).toEqual([7]);
  });

  it('adds nothing when blocks fall within pages', () => {
    expect(pageBreaks(20, rows15, 150, [{ first: 2, last: 5 }, { first: 12, last: 15 }])).toEqual([]);
  });

  it('breaks before a block that starts a page, for a spreadsheet whose pages hold more', () => {
    expect(pageBreaks(20, rows15, 150, [{ first: 11, last: 15 }])).toEqual([10]);
  });

  it('follows the spreadsheet’s own breaks between blocks', () => {
    // Page 1 holds rows 1-10, page 2 rows 11-20: the block 19-22 starts page 3.
    expect(pageBreaks(30, rows15, 150, [{ first: 19, last: 22 }])).toEqual([18]);
  });

  it('starts a block taller than a page on a page of its own, without breaking inside it', () => {
    expect(pageBreaks(40, rows15, 150, [{ first: 5, last: 25 }, { first: 26, last: 27 }])).toEqual([4]);
  });

  it('counts each row’s own height', () => {
    const heights = (r: number) => (r === 3 ? 100 : 15);
    expect(pageBreaks(10, heights, 150, [{ first: 4, last: 5 }])).toEqual([3]);
  });
});

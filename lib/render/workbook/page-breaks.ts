// Where to break pages so that no block of rows (a chart with its caption, a
// quartier's rows, a section title with its first lines) is cut: the rows
// are laid on pages as a spreadsheet prints them, and a block that would
// not fit in what is left of a page starts the next one.

export interface RowBlock {
  first: number;
  last: number;
}

/**
 * The rows after which a manual page break goes. `height(r)` is row r's
 * height in points (1-based rows), `page` the height a page holds, in the
 * sheet's points, at the largest scale the sheet may print at (a page holds
 * no less elsewhere); blocks sorted by first row, not overlapping. A block
 * taller than a page starts a page and is cut where it must.
 */
export function pageBreaks(lastRow: number, height: (row: number) => number, page: number, blocks: readonly RowBlock[]): number[] {
  const breaks: number[] = [];
  const blockAt = new Map(blocks.map((b) => [b.first, b]));
  let used = 0;
  for (let r = 1; r <= lastRow; r++) {
    const block = blockAt.get(r);
    // Even where this page is full, a manual break: a spreadsheet printing at a smaller scale breaks later, inside the block.
    if (block && used > 0) {
      let total = 0;
      for (let k = block.first; k <= Math.min(block.last, lastRow); k++) total += height(k);
      if (used + total > page) {
        breaks.push(r - 1);
        used = 0;
      }
    }
    const h = height(r);
    if (used > 0 && used + h > page) used = 0; // the spreadsheet's own break
    used += h;
  }
  return breaks;
}

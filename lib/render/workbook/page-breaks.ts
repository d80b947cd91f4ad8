// Where to break pages so that no block of rows (a chart with its caption, a
// quartier's rows, a section title with its first lines) is cut: the rows
// are laid on pages of a known height (the sheet prints at an explicit
// scale, the same in every spreadsheet), a block that would not fit in what
// is left of a page starts the next one, and every page ends on a manual
// break, so that no spreadsheet breaks anywhere else.

export interface RowBlock {
  first: number;
  last: number;
}

export interface PageRoom {
  /** Height of the sheet, in points, that the first page holds. */
  first: number;
  /** What the next pages hold (less the rows repeated at their top). */
  next: number;
}

/**
 * The rows after which a manual page break goes. `height(r)` is row r's
 * height in points (1-based rows); blocks sorted by first row, not
 * overlapping. A block taller than a page starts a page and is cut where
 * it must.
 */
export function pageBreaks(lastRow: number, height: (row: number) => number, room: PageRoom, blocks: readonly RowBlock[]): number[] {
  const breaks: number[] = [];
  const blockAt = new Map(blocks.map((b) => [b.first, b]));
  let page = room.first;
  let used = 0;
  const breakBefore = (r: number) => {
    breaks.push(r - 1);
    used = 0;
    page = room.next;
  };
  for (let r = 1; r <= lastRow; r++) {
    const block = blockAt.get(r);
    if (block && used > 0) {
      let total = 0;
      for (let k = block.first; k <= Math.min(block.last, lastRow); k++) total += height(k);
      if (used + total > page) breakBefore(r);
    }
    const h = height(r);
    if (used > 0 && used + h > page) breakBefore(r);
    used += h;
  }
  return breaks;
}

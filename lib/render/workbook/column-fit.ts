// Widths for the columns whose texts wrap, chosen for the printed page: a
// narrower column makes its rows taller, a wider one makes the whole sheet
// print smaller (it prints at the scale its width fits the page at). Step
// by step, the width of one column moves to where the sheet needs the
// fewest pages, within each column's bounds and the sheet's widest.

/** Steps tried on each column, in units: small ones to settle, large ones to cross a plateau (a name that takes one line less only 6 units wider). */
const STEPS = [-6, -2, -0.5, 0.5, 2, 6];
const MAX_MOVES = 200;

export interface FlexibleColumns {
  /** Where the search starts (the widths the columns' texts ask for). */
  start: readonly number[];
  lo: readonly number[];
  hi: readonly number[];
  /** Width of the other printed columns, in units. */
  fixed: number;
  /** The widest the printed columns may be together, in units. */
  maxTotal: number;
}

/** The widths, one per flexible column, for which `pages(widths)` is least. */
export function fitWidths(f: FlexibleColumns, pages: (widths: readonly number[]) => number): number[] {
  const w = f.start.map((x, i) => Math.min(f.hi[i]!, Math.max(f.lo[i]!, x)));
  const total = () => f.fixed + w.reduce((a, b) => a + b, 0);
  // Too wide to print at 8 pt: narrow the column whose narrowing costs the fewest pages.
  while (total() > f.maxTotal + 1e-9) {
    const excess = total() - f.maxTotal;
    let best = -1;
    let bestPages = Infinity;
    for (let i = 0; i < w.length; i++) {
      const step = Math.min(0.5, excess, w[i]! - f.lo[i]!);
      if (step <= 0) continue;
      const trial = w.map((x, k) => (k === i ? x - step : x));
      const p = pages(trial);
      if (p < bestPages) [best, bestPages] = [i, p];
    }
    if (best < 0) break;
    w[best] = w[best]! - Math.min(0.5, excess, w[best]! - f.lo[best]!);
  }
  let current = pages(w);
  for (let move = 0; move < MAX_MOVES; move++) {
    let best: number[] | null = null;
    let bestPages = current;
    const consider = (trial: number[]) => {
      if (trial.some((x, k) => x < f.lo[k]! || x > f.hi[k]!) || f.fixed + trial.reduce((a, b) => a + b, 0) > f.maxTotal + 1e-9) return;
      const p = pages(trial);
      // A gain of less than a thousandth of a page is noise.
      if (p < bestPages - 1e-3) [best, bestPages] = [trial, p];
    };
    for (let i = 0; i < w.length; i++) {
      for (const step of STEPS) {
        // One column alone, or taking its width from another (the sheet as wide as it may be).
        consider(w.map((x, k) => (k === i ? x + step : x)));
        if (step > 0) for (let j = 0; j < w.length; j++) if (j !== i) consider(w.map((x, k) => (k === i ? x + step : k === j ? x - step : x)));
      }
    }
    if (!best) break;
    w.splice(0, w.length, ...(best as number[]));
    current = bestPages;
  }
  return w;
}

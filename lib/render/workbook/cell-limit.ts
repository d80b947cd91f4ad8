// Excel holds at most 32 767 characters in a cell; a longer text from the
// sources (a 5 MB comment) would make the workbook refuse to open. It is cut,
// with a marker that says so and how long the source text was.

import { outputSafety } from '../../messages/output-safety.ts';

export const EXCEL_CELL_MAX = 32_767;

/** `text`, or its beginning and the marker, within Excel's limit. */
export function fitExcelText(text: string): string {
  if (text.length <= EXCEL_CELL_MAX) return text;
  const marker = outputSafety.cellTruncated(text.length);
  let cut = EXCEL_CELL_MAX - marker.length;
  // Never half of a surrogate pair.
  const code = text.charCodeAt(cut - 1);
  if (code >= 0xd800 && code <= 0xdbff) cut--;
  return text.slice(0, cut) + marker;
}

// Two quartiers never share an output file. Their codes become file names
// (safeFileName): codes that differ only by what that folds — `/`, `:` and
// other separators, case (Windows and macOS file systems ignore it), runs of
// spaces, trailing dots and spaces, the 80-character cut — would make one
// quartier's page, portrait and charts overwrite the other's.

import { DataError, DataErrors } from '../errors.ts';
import { msg } from '../messages/index.ts';
import { safeFileName } from '../text/safe-file-name.ts';

export interface NamedCode {
  code: string;
  /** The source line that gives the code (registry line, or the first data line). */
  file: string;
  line: number;
}

/** What two codes must not share to live in one folder of any usual file system. */
export function fileNameKey(code: string): string {
  return safeFileName(code).normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').replace(/[. ]+$/, '');
}

/**
 * Throws a data error for each pair of codes that would share a file name:
 * quartier codes, or (`epci`) agglomeration codes, which name a folder of
 * charts and a page each. The same code given twice is one territory.
 */
export function checkFileNameClashes(codes: NamedCode[], what: 'quartier' | 'epci' = 'quartier'): void {
  const first = new Map<string, NamedCode>();
  const errors: DataError[] = [];
  for (const c of codes) {
    const key = fileNameKey(c.code);
    const other = first.get(key);
    if (other && other.code === c.code) continue;
    const build = what === 'quartier' ? msg.fileNameClash : msg.epciFileNameClash;
    if (other) errors.push(new DataError(build(other, c, safeFileName(c.code)), { file: c.file, line: c.line }));
    else first.set(key, c);
  }
  if (errors.length) throw new DataErrors(errors);
}

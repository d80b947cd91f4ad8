// Which data errors `run` prints on the terminal. One mistake repeated down a
// file (a missing priority rule, a column of the wrong unit) would otherwise
// bury the others under hundreds of lines: the first few of each file are
// printed, the rest counted, and `validate` lists them all. `--log json` and
// `validate` always carry every error.

import type { DataError } from '../lib/errors.ts';

/** Errors of one file printed by `run` on the terminal before the rest is counted. */
export const ERRORS_SHOWN_PER_FILE = 5;

export interface ErrorDigest {
  shown: DataError[];
  /** Files whose errors were not all shown, with how many were left out, in order of first appearance. */
  hidden: { file: string; count: number }[];
}

export function digestErrors(errors: readonly DataError[], perFile = ERRORS_SHOWN_PER_FILE): ErrorDigest {
  const seen = new Map<string, number>();
  const shown: DataError[] = [];
  for (const e of errors) {
    const file = e.place.file;
    if (file === undefined) {
      shown.push(e);
      continue;
    }
    const n = (seen.get(file) ?? 0) + 1;
    seen.set(file, n);
    if (n <= perFile) shown.push(e);
  }
  const hidden = [...seen].filter(([, n]) => n > perFile).map(([file, n]) => ({ file, count: n - perFile }));
  return { shown, hidden };
}

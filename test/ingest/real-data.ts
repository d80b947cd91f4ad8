// Where the real public files are: `../shared/data/real` from the repository
// root (the main checkout), or one level further up from a git worktree, or
// QUARTIERS_REAL_DATA. Undefined when absent: tests then skip with a reason.

import { existsSync } from 'node:fs';
import path from 'node:path';
import { REPO } from '../helpers/bundled.ts';

export function realDataDir(): string | undefined {
  const candidates = [process.env.QUARTIERS_REAL_DATA, path.resolve(REPO, '../shared/data/real'), path.resolve(REPO, '../../shared/data/real')];
  return candidates.find((c): c is string => !!c && existsSync(path.join(c, 'filosofi_qpv_2012_2021.csv')));
}

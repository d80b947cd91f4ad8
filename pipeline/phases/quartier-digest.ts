// A quartier as the keys of its workbooks and pages see it (see
// workbook-key.ts, page-keys.ts): its code, name, registry entry and every
// row, hashed once per run (a quartier is in two workbooks and on a page).

import { createHash } from 'node:crypto';
import type { QuartierReport } from '../../lib/report/model.ts';

const DIGESTS = new WeakMap<QuartierReport, string>();

export function quartierDigest(q: QuartierReport): string {
  const known = DIGESTS.get(q);
  if (known) return known;
  const digest = createHash('sha256').update(JSON.stringify({ code: q.code, name: q.name, quartier: q.quartier ?? null, rows: q.rows })).digest('hex');
  DIGESTS.set(q, digest);
  return digest;
}

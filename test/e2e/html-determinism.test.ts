// Two runs of the real command on the same sources with the same date give
// the same report bytes; a different date changes only the footer line.

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

const PAGES = ['index.html', 'quartiers/QN06205M.html', 'quartiers/QIC-62555-01.html', 'assets/rapport.css', 'assets/rapport.js', 'assets/vega-embed.min.js'];

async function publish(epoch: string): Promise<Map<string, string>> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'quartiers-html-det-')), 'reports');
  const r = await runCli(['run', '--out', out, '--formats', 'csv,md,html'], { env: { SOURCE_DATE_EPOCH: epoch } });
  expect(r.code, r.stderr).toBe(0);
  return new Map(PAGES.map((p) => [p, readFileSync(path.join(out, p), 'utf8')]));
}

describe('quartiers run --formats html', () => {
  it('publishes the same bytes twice for the same date; for another date only the index page\'s date line differs', async () => {
    const [a, b, c] = await Promise.all([publish('1772357400'), publish('1772357400'), publish('1800000000')]);
    expect(b).toEqual(a);
    for (const p of PAGES) {
      const before = a.get(p)!.split('\n');
      const after = c.get(p)!.split('\n');
      expect(after).toHaveLength(before.length);
      const changed = before.filter((line, i) => line !== after[i]);
      expect(changed, p).toEqual(p === 'index.html' ? [expect.stringMatching(/^<p class="date-du-rapport">Rapport produit le 1er mars 2026 à 09 h 30 \(UTC\)/)] : []);
    }
  });
});

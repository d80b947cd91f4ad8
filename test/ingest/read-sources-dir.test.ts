// The folder scan: sidecar years read from disk, hidden entries skipped,
// non-table files carried but not read as tables.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanSourcesDir } from '../../pipeline/read-sources-dir.ts';

describe('scanSourcesDir', () => {
  it('attaches the year of a sidecar file and skips hidden entries', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'quartiers-scan-'));
    mkdirSync(path.join(root, 'rpls'));
    mkdirSync(path.join(root, '.git'));
    writeFileSync(path.join(root, 'rpls/rpls_qpv.csv'), 'CodGeo,txVac\nQP062005,"4,8"\n');
    writeFileSync(path.join(root, 'rpls/rpls_qpv.annee'), '\ufeff2023\r\n');
    writeFileSync(path.join(root, '.git/config'), 'x');
    writeFileSync(path.join(root, 'rpls/.~lock.rpls_qpv.csv#'), 'x');
    const scan = await scanSourcesDir(root);
    expect(scan.errors).toEqual([]);
    expect(scan.files.map((f) => [f.path, f.sidecarYear])).toEqual([['rpls/rpls_qpv.annee', undefined], ['rpls/rpls_qpv.csv', 2023]]);
  });
});

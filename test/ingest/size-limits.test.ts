// Bounded reading of sources/: a file that is not data is never read, a data
// file beyond the ceiling of its kind is refused with a clear message.

import { openSync, closeSync, ftruncateSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { msg } from '../../lib/messages/index.ts';
import { SIZE_LIMITS, sizeLimitOf } from '../../lib/ingest/size-limits.ts';
import { copySources, tempRoot } from '../pipeline/fixture-runs.ts';

/** A sparse file of `size` bytes: no disk space, no time to write. */
function sparse(file: string, size: number): void {
  const fd = openSync(file, 'w');
  ftruncateSync(fd, size);
  closeSync(fd);
}

describe('how much of sources/ is read', () => {
  it('each kind has its ceiling; other files are not data', () => {
    expect(sizeLimitOf('insee/panel.csv')).toBe(SIZE_LIMITS.table);
    expect(sizeLimitOf('geo/qp.geojson')).toBe(SIZE_LIMITS.geo);
    expect(sizeLimitOf('x/classeur.xlsx')).toBe(SIZE_LIMITS.workbook);
    expect(sizeLimitOf('x/rpls.annee')).toBe(SIZE_LIMITS.side);
    for (const other of ['video.mp4', 'notes.md', 'rapport.pdf', 'ancien.xls']) expect(sizeLimitOf(other)).toBeNull();
  });

  it('a 1 GB video in sources/ is listed by size, never read; a 300 MB CSV is refused naming its size and the ceiling', async () => {
    const root = tempRoot();
    const sources = copySources(root, 'sources');
    sparse(path.join(sources, 'reunion.mp4'), 1024 ** 3);
    const out = path.join(root, 'reports');
    const r = await runCli(['run', '--sources', sources, '--out', out, '--formats', 'csv'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as { entrees: { fichier: string; sha256: string; octets: number }[] };
    expect(manifest.entrees.find((e) => e.fichier === 'reunion.mp4')).toEqual({ fichier: 'reunion.mp4', sha256: '', octets: 1024 ** 3 });

    sparse(path.join(sources, 'insee/panel_communes.csv'), 300 * 1024 * 1024);
    const big = await runCli(['run', '--sources', sources, '--out', out, '--formats', 'csv'], { timeoutMs: 60_000 });
    expect(big.code, big.stderr).toBe(1);
    expect(big.stderr).toContain(msg.fileTooLarge('insee/panel_communes.csv', 300 * 1024 * 1024, SIZE_LIMITS.table.kind, SIZE_LIMITS.table.bytes));
  });
});

describe('values read in bulk that no report uses', () => {
  it('a national panel of communes is reported once, by count, not silently dropped', async () => {
    const root = tempRoot();
    const sources = copySources(root, 'sources');
    const lines = ['code,taux_pauvrete,annee'];
    for (let i = 0; i < 3000; i++) lines.push(`${String(10_000 + i).padStart(5, '0')},${(i % 400) / 10},2019`);
    lines.push('62048,21.5,2019'); // Auchel, a commune of the registry: used
    writeFileSync(path.join(sources, 'insee/panel_communes_2019.csv'), lines.join('\n') + '\n');
    const r = await runCli(['run', '--sources', sources, '--out', path.join(root, 'reports'), '--formats', 'csv'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(msg.figuresOutsideRegistry('insee/panel_communes_2019.csv', 3000, 3000));
  });
});

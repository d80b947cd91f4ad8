// The yearly refresh: validate, archive last year's reports, publish, say what changed.

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runRefresh } from '../helpers/cli.ts';
import { verifyFolder } from '../../pipeline/manifest.ts';
import { refreshMessages } from '../../lib/messages/cli.ts';
import { copySources, tempRoot } from './fixture-runs.ts';

const LIMIT = { timeoutMs: 90_000 };

describe('npm run refresh', () => {
  it('archives the published year, publishes the new sources and prints what changed', async () => {
    const root = tempRoot();
    const out = path.join(root, 'reports');
    const archives = path.join(root, 'archives');
    const first = await runCli(['run', '--sources', copySources(root, 'a'), '--out', out, '--formats', 'csv,md'], LIMIT);
    expect(first.code, first.stderr).toBe(0);
    const lastYear = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    const r = await runRefresh(['--sources', copySources(root, 'b', true), '--out', out, '--archives', archives], { ...LIMIT, cwd: root });
    expect(r.code, r.stderr).toBe(0);
    // Named after the latest years of its indicators (Filosofi 2021, SIG Ville 2022, préfecture 2024), not the report year.
    const archive = path.join(archives, '2021-2022-2024');
    expect(r.stderr).toContain(refreshMessages.refreshArchiving(out, archive));
    const kept = await verifyFolder(archive);
    expect(kept.problems).toEqual([]);
    expect(kept.manifest!.empreinte_entrees).toBe(lastYear.empreinte_entrees);
    expect(JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')).empreinte_entrees).not.toBe(lastYear.empreinte_entrees);
    // The variant revises the QIC's single-parent families from 12 % to 13 % (reference 16,2 %), printed with the catalogue's one decimal.
    expect(r.stdout.split('\n').slice(1)).toEqual([
      'Années les plus récentes des indicateurs : 2021, 2022, 2024 (publication précédente) → 2021, 2022, 2024 (nouvelle publication).',
      '  chiffre révisé — Cité de Marles – Gambetta, « Part des familles monoparentales », 2024 : 12,0 % → 13,0 % (écart à la référence : −4,2 points → −3,2 points)',
      'chiffres révisés : 1.',
      '',
    ]);

    // Invalid new sources: stops at validation, nothing published, archive untouched.
    const bad = copySources(root, 'c');
    writeFileSync(path.join(bad, 'vide.csv'), '');
    const stopped = await runRefresh(['--sources', bad, '--out', out, '--archives', archives], { ...LIMIT, cwd: root });
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain(refreshMessages.refreshFailed('validation', 1));
    expect(existsSync(`${archive}.tmp-${process.pid}`)).toBe(false);
  });
});

// `quartiers validate` through the real command line: the French report on
// stderr, nothing on stdout, exit 0 when the sources can be published.

import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { msg } from '../../lib/messages/index.ts';
import { loadBundled, BUNDLED_SOURCES } from '../helpers/bundled.ts';
import { runCli } from '../helpers/cli.ts';
import { REAL_FIXTURES } from './source-files.ts';

describe('quartiers validate', () => {
  it('reports every file, the figures by indicator and year, and exits 0', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quartiers-validate-'));
    const sources = path.join(dir, 'sources');
    cpSync(BUNDLED_SOURCES, sources, { recursive: true });
    for (const f of ['occitanie_qp_dictionnaire.csv', 'rpls_qpv_2022.csv', 'ips_colleges_lille_2022.csv']) cpSync(path.join(REAL_FIXTURES, f), path.join(sources, 'reel', f));
    const r = await runCli(['validate', '--sources', sources]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const { sources: s } = await loadBundled(sources);
    expect(r.stderr).toContain(msg.reportTitle(sources));
    for (const f of s.files) expect(r.stderr).toContain(msg.reportFile(f));
    expect(r.stderr).toContain(msg.reportFileNote(msg.dictionarySkipped(44)));
    expect(r.stderr).toMatch(/^ {2}Taux de pauvreté \(taux_pauvrete\) : 2012 1 · 2013 1 /m);
    expect(r.stderr).toMatch(/^États : .*secrets statistiques.*« plus de » : 1/m);
    expect(r.stderr).toContain('Établissements scolaires (IPS) : 4 collèges 2022.');
    expect(r.stderr).toContain(msg.validateSummary(s.files.length, s.figures.length, s.warnings.length));
  });
});

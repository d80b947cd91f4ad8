// One mistake repeated down a file must not bury the others: `run` prints the
// first errors of each file on the terminal and counts the rest; `validate`
// and `--log json` carry every one.

import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../lib/errors.ts';
import { digestErrors, ERRORS_SHOWN_PER_FILE } from '../../pipeline/error-digest.ts';
import { BUNDLED_SOURCES } from '../helpers/bundled.ts';
import { runCli } from '../helpers/cli.ts';

describe('digestErrors', () => {
  it('keeps the first errors of each file in order, every error without a file, and counts the rest per file', () => {
    const errors = [
      ...Array.from({ length: 7 }, (_, i) => new DataError(`a${i}`, { file: 'a.csv', line: i + 2 })),
      new DataError('sans fichier'),
      new DataError('b0', { file: 'b.csv', line: 2 }),
    ];
    const d = digestErrors(errors, 3);
    expect(d.shown.map((e) => e.message)).toEqual(['a0', 'a1', 'a2', 'sans fichier', 'b0']);
    expect(d.hidden).toEqual([{ file: 'a.csv', count: 4 }]);
    expect(digestErrors(errors.slice(0, 3), 3).hidden).toEqual([]);
  });
});

describe('run with many errors in one file', () => {
  // Two panels that disagree on eight years: eight conflicts, all placed in the second file.
  const sources = path.join(mkdtempSync(path.join(tmpdir(), 'quartiers-digest-')), 'sources');
  cpSync(BUNDLED_SOURCES, sources, { recursive: true });
  for (const [name, value] of [['panel_a', 10], ['panel_b', 20]] as const) {
    const rows = Array.from({ length: 8 }, (_, i) => `QN06205M;${2001 + i};${value}`);
    writeFileSync(path.join(sources, 'insee', `${name}.csv`), ['code_quartier;annee;taux_pauvrete', ...rows, ''].join('\n'));
  }
  const out = path.join(path.dirname(sources), 'reports');

  it('prints the first errors of the file, then how many more and where to see them all', async () => {
    const r = await runCli(['run', '--sources', sources, '--out', out]);
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines.filter((l) => l.startsWith('Erreur : Conflit'))).toHaveLength(ERRORS_SHOWN_PER_FILE);
    expect(r.stderr).toContain(`… et ${8 - ERRORS_SHOWN_PER_FILE} autres erreurs dans insee/panel_b.csv, non affichées ici : « quartiers validate --sources ${sources} » les liste toutes.`);
    expect(lines.at(-1)).toBe("8 erreurs dans les sources : rien n'a été publié, les rapports précédents sont intacts.");
  });

  it('validate and --log json give every error', async () => {
    const v = await runCli(['validate', '--sources', sources]);
    expect(v.code).toBe(1);
    expect(v.stderr.split('\n').filter((l) => l.startsWith('Erreur : Conflit'))).toHaveLength(8);
    const j = await runCli(['run', '--sources', sources, '--out', out, '--log', 'json']);
    expect(j.code).toBe(1);
    const events = j.stdout.trim().split('\n').map((l) => JSON.parse(l) as { event: string });
    expect(events.filter((e) => e.event === 'erreur')).toHaveLength(8);
  });
});

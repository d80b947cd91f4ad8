// The analyst's everyday path, measured: the bundled sources with the real
// national files dropped beside them (Filosofi panel, population, RPLS),
// all formats. The registry's 2 quartiers are published, the ~1 500 others
// are national context (rank, median of the QPV).

import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';
import { runNodeChild, type ChildRun } from './child-run.ts';
import { REPO_ROOT } from './generate.ts';

const NATIONAL_FILES = ['filosofi_qpv_2012_2021.csv', 'population_qpv_2013_2018.csv', 'rpls_qpv.csv'];

/** The real files: QUARTIERS_REAL_DATA, bench/data, else ../shared/data/real beside the repository (or a worktree's). */
function realDir(): string {
  const dirs = [process.env.QUARTIERS_REAL_DATA, path.join(REPO_ROOT, 'bench', 'data'), path.resolve(REPO_ROOT, '..', 'shared', 'data', 'real'), path.resolve(REPO_ROOT, '..', '..', 'shared', 'data', 'real')]
    .filter((d): d is string => !!d);
  const found = dirs.find((d) => NATIONAL_FILES.every((f) => existsSync(path.join(d, f))));
  if (!found) throw new Error(`fichiers nationaux réels introuvables (${NATIONAL_FILES.join(', ')}), cherchés dans ${dirs.join(' et ')}`);
  return found;
}

export async function runAgglomeration(tmp: string, cli: string, env: NodeJS.ProcessEnv): Promise<{ run: ChildRun; label: string }> {
  const sources = path.join(tmp, 'sources-agglomeration');
  await fs.cp(path.join(REPO_ROOT, 'sources'), sources, { recursive: true });
  const real = realDir();
  for (const f of NATIONAL_FILES) await fs.copyFile(path.join(real, f), path.join(sources, f));
  await fs.writeFile(path.join(sources, 'rpls_qpv.annee'), '2022\n');
  const run = await runNodeChild(cli, ['run', '--sources', sources, '--out', path.join(tmp, 'reports-agglomeration'), '--log', 'json'], { cwd: REPO_ROOT, env });
  return { run, label: `sources livrées + fichiers nationaux réels (${NATIONAL_FILES.join(', ')}), tous formats` };
}

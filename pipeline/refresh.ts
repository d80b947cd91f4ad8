// The analyst's yearly routine in one command (`npm run refresh -- [options]`):
// validate the new sources, keep the published reports of the previous year
// under archives/<year>/, publish the new reports, and print what changed
// since last year (readings that flipped, gaps that widened or narrowed).
// Run through tsx (zx on Node 20 cannot load .ts itself).
//
//   npm run refresh -- [--sources sources] [--out reports] [--archives archives] [--annee AAAA] [--seuil 0.1]
//
// Exit status: that of the step that failed (validate/run: 1, 2, 3…), 1 when
// an archive does not match its manifest, 0 otherwise.

import { $, fs, parseArgv } from 'zx';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareRuns } from '../lib/report/compare-runs.ts';
import { changesReport, refreshMessages as m } from '../lib/messages/cli.ts';
import { readManifest, verifyFolder, type Manifest } from './manifest.ts';

const BIN = fileURLToPath(new URL('../bin/quartiers.js', import.meta.url));

interface RefreshOptions {
  sources: string;
  out: string;
  archives: string;
  annee?: string;
  seuil: number;
}

function options(argv: string[]): RefreshOptions {
  const a = parseArgv(argv, { string: ['sources', 'out', 'archives', 'annee', 'seuil'], default: { sources: 'sources', out: 'reports', archives: 'archives', seuil: '0.1' } });
  const seuil = Number(String(a.seuil).replace(',', '.'));
  return { sources: String(a.sources), out: String(a.out), archives: String(a.archives), annee: a.annee ? String(a.annee) : undefined, seuil: Number.isFinite(seuil) ? seuil : 0.1 };
}

const say = (line: string) => process.stderr.write(line + '\n');

function reportYear(manifest: Manifest): number {
  return typeof manifest.annee === 'number' ? manifest.annee : new Date(manifest.genere_le).getUTCFullYear();
}

/** Copies the published folder (through its link) to archives/<year>, whole or not at all. */
async function archive(out: string, dir: string): Promise<void> {
  const tmp = `${dir}.tmp-${process.pid}`;
  await fs.rm(tmp, { recursive: true, force: true });
  await fs.mkdir(path.dirname(dir), { recursive: true });
  await fs.cp(await fs.realpath(out), tmp, { recursive: true });
  await fs.rename(tmp, dir);
}

export async function refresh(argv: string[]): Promise<number> {
  const o = options(argv);
  $.verbose = false;
  const cli = (args: string[]) => $({ stdio: ['ignore', 'inherit', 'inherit'], nothrow: true })`${process.execPath} ${BIN} ${args}`;

  say(m.refreshValidating(o.sources));
  const validated = await cli(['validate', '--sources', o.sources]);
  if (validated.exitCode !== 0) return fail('validation', validated.exitCode ?? 1);

  const previous = await readManifest(o.out);
  let archived: string | null = null;
  if (!previous) say(m.refreshNothingToArchive(o.out));
  else {
    archived = path.join(o.archives, String(reportYear(previous)));
    if (await fs.pathExists(archived)) say(m.refreshArchiveExists(archived));
    else {
      say(m.refreshArchiving(o.out, archived));
      await archive(o.out, archived);
    }
    if ((await verifyFolder(archived)).problems.length) {
      say(m.refreshArchiveBroken(archived));
      return 1;
    }
  }

  say(m.refreshRunning(o.out));
  const ran = await cli(['run', '--sources', o.sources, '--out', o.out, '--attendre', ...(o.annee ? ['--annee', o.annee] : [])]);
  if (ran.exitCode !== 0) return fail('production', ran.exitCode ?? 1);

  const current = await readManifest(o.out);
  const beforeCsv = archived ? await fs.readFile(path.join(archived, 'indicateurs.csv'), 'utf8').catch(() => null) : null;
  const afterCsv = await fs.readFile(path.join(o.out, 'indicateurs.csv'), 'utf8').catch(() => null);
  if (!previous || beforeCsv === null || afterCsv === null || !current) {
    process.stdout.write(m.refreshFirst + '\n');
    return 0;
  }
  const lines = changesReport(compareRuns(beforeCsv, afterCsv, o.seuil), reportYear(previous), reportYear(current));
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}

function fail(step: string, code: number): number {
  say(m.refreshFailed(step, code));
  return code;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  process.exitCode = await refresh(process.argv.slice(2));
}

// The analyst's yearly routine in one command (`npm run refresh -- [options]`):
// validate the new sources, keep the published reports under
// archives/<the latest years of its indicators>/, publish the new reports,
// and print what changed, as the run itself compared it (changements.csv).
// Run through tsx (zx on Node 20 cannot load .ts itself).
//
//   npm run refresh -- [--sources sources] [--out reports] [--archives archives] [--annee AAAA]
//
// Exit status: that of the step that failed (validate/run: 1, 2, 3…), 1 when
// an archive does not match its manifest, 0 otherwise.

import { $, fs, parseArgv } from 'zx';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { changeCounts, changesFromCsv, figuresFromTidyCsv, latestYears } from '../lib/report/compare-runs.ts';
import { refreshMessages as m } from '../lib/messages/cli.ts';
import { changesText } from '../lib/messages/changes.ts';
import { readManifest, verifyFolder } from './manifest.ts';
import { CHANGES_FILE } from './changes-since.ts';

const BIN = fileURLToPath(new URL('../bin/quartiers.js', import.meta.url));

interface RefreshOptions {
  sources: string;
  out: string;
  archives: string;
  annee?: string;
}

function options(argv: string[]): RefreshOptions {
  const a = parseArgv(argv, { string: ['sources', 'out', 'archives', 'annee'], default: { sources: 'sources', out: 'reports', archives: 'archives' } });
  return { sources: String(a.sources), out: String(a.out), archives: String(a.archives), annee: a.annee ? String(a.annee) : undefined };
}

const say = (line: string) => process.stderr.write(line + '\n');

/** Most changes printed on the terminal; the rest are in changements.csv. */
const MAX_LINES = 60;

/** The latest year of each indicator of a published folder, from its indicateurs.csv (not the report year, which one file can fix). */
async function publishedYears(out: string): Promise<number[]> {
  const csv = await fs.readFile(path.join(out, 'indicateurs.csv'), 'utf8').catch(() => null);
  return csv === null ? [] : latestYears(figuresFromTidyCsv(csv));
}

/**
 * archives/<years> named after the data it holds (« 2021-2022-2024 »); when
 * that name holds another publication already (a revision with the same
 * years), the next free « -2 », « -3 »…; the same publication keeps its archive.
 */
async function archiveDir(archives: string, years: number[], inputsHash: string): Promise<string> {
  const base = path.join(archives, years.join('-') || 'sans-annee');
  for (let n = 1; ; n++) {
    const dir = n === 1 ? base : `${base}-${n}`;
    if (!(await fs.pathExists(dir))) return dir;
    if ((await readManifest(dir))?.empreinte_entrees === inputsHash) return dir;
  }
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
    archived = await archiveDir(o.archives, await publishedYears(o.out), previous.empreinte_entrees);
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

  const yearsBefore = archived ? await publishedYears(archived) : [];
  const published = await fs.readFile(path.join(o.out, CHANGES_FILE), 'utf8').catch(() => null);
  const changes = published === null ? null : changesFromCsv(published);
  if (!previous || !changes) {
    process.stdout.write(m.refreshFirst + '\n');
    return 0;
  }
  const lines = [changesText.refreshTitle(changes.previous), m.refreshYears(yearsBefore, await publishedYears(o.out))];
  lines.push(...changes.changes.slice(0, MAX_LINES).map(changesText.refreshLine));
  if (changes.changes.length > MAX_LINES) lines.push(m.refreshMore(changes.changes.length - MAX_LINES, path.join(o.out, CHANGES_FILE)));
  lines.push(changesText.refreshTotal(changeCounts(changes.changes)));
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

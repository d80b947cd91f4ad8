// `npm run bench [-- --quartiers N] [--commune CODE] [--garder] [--profil] [--agglomeration]`
// Generates the national sources into a temporary folder, runs the real
// command line on them (all formats), and prints plain lines: time per
// phase, throughput, peak memory, output size, one commune convention alone,
// `--if-changed` with nothing changed, incremental runs after a change of
// the sources (the previous publication is the cache), the bundled sources
// with the real national files (`--agglomeration`: that line alone), and
// each target met or not.

import { promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runNodeChild, type ChildRun } from './child-run.ts';
import { runAgglomeration } from './agglomeration-run.ts';
import { formatSummary, summarizeProfiles, type CpuProfile } from './cpuprofile-summary.ts';
import { createPositionMapper } from './profile-positions.ts';
import { REPO_ROOT, bundledCatalogue, generateNationalSources, loadRealTexts, typicalCommune, writeSources } from './generate.ts';
import { countFiles, differingOutputs, measureOutput } from './output-size.ts';
import { addIndicator, correctEpciReference, moveNationalContext } from './source-edits.ts';
import type { LogEvent } from './child-run.ts';
import { integer, megapixels, perSecond, phaseCount, phaseLines, phaseMs, seconds, targetLine, timingsOf } from './phase-report.ts';

interface BenchOptions {
  quartiers?: number;
  commune?: string;
  keep: boolean;
  profile: boolean;
  /** Only the bundled sources + real national files line. */
  agglomerationOnly: boolean;
}

const TARGETS = { agglomerationMs: 4_000, agglomerationRssKb: 500 * 1000, nationalMs: 60_000, rssKb: 1.5 * 1024 * 1024, communeMs: 3_000, unchangedMs: 1_000, correctionShare: 0.1 };
const CLI = path.join(REPO_ROOT, 'bin', 'quartiers.js');
const ENV: NodeJS.ProcessEnv = { ...process.env, TZ: 'UTC', NO_COLOR: '1', SOURCE_DATE_EPOCH: '1767225600' };

function parseOptions(argv: string[]): BenchOptions {
  const o: BenchOptions = { keep: false, profile: false, agglomerationOnly: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quartiers') o.quartiers = Number(argv[++i]);
    else if (a === '--commune') o.commune = argv[++i];
    else if (a === '--garder') o.keep = true;
    else if (a === '--profil') o.profile = true;
    else if (a === '--agglomeration') o.agglomerationOnly = true;
    else throw new Error(`option inconnue : ${a} (options : --quartiers N, --commune CODE_INSEE, --garder, --profil, --agglomeration)`);
  }
  if (o.quartiers !== undefined && !(Number.isInteger(o.quartiers) && o.quartiers > 0)) throw new Error('--quartiers attend un entier positif');
  return o;
}

const say = (line = '') => process.stdout.write(line + '\n');
const progress = (line: string) => process.stderr.write(`… ${line}\n`);

export function machineLine(): string {
  const cpuinfo = (() => {
    try {
      return readFileSync('/proc/cpuinfo', 'utf8');
    } catch {
      return '';
    }
  })();
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? os.cpus()[0]?.model ?? 'inconnu';
  const ram = (os.totalmem() / 1024 ** 3).toFixed(1).replace('.', ',');
  return `machine : ${os.availableParallelism()} cœurs (nproc), ${model}, ${ram} Gio de mémoire, Node ${process.version}, ${os.platform()} ${os.release()}`;
}

/** Other work on the machine skews every figure: say how loaded it was. */
export function loadLine(when: string): string {
  const [a, b, c] = os.loadavg().map((x) => x.toFixed(2).replace('.', ','));
  const busy = os.loadavg()[0]! > os.availableParallelism();
  return `charge de la machine ${when} (moyenne 1/5/15 min) : ${a} / ${b} / ${c} pour ${os.availableParallelism()} cœurs${busy ? ' — machine occupée : les temps au mur sont gonflés, comparer plutôt le temps CPU' : ''}`;
}

function cpu(run: ChildRun): string {
  return run.cpuSeconds === null ? '' : `, CPU ${seconds(run.cpuSeconds * 1000)} (utilisateur + système)`;
}

function mib(kb: number): string {
  return `${integer(kb / 1024)} Mio`;
}

function failIfBroken(label: string, run: ChildRun): void {
  if (run.code === 0) return;
  throw new Error(`${label} : la commande a échoué (code ${run.code})\n${run.stderr.split('\n').slice(-20).join('\n')}`);
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'quartiers-bench-'));
  // Compiled chart structures kept in the bench's own folder: the national run starts from an empty cache.
  const env: NodeJS.ProcessEnv = { ...ENV, QUARTIERS_CACHE_DIR: path.join(tmp, 'cache') };
  const sources = path.join(tmp, 'sources');
  const reports = path.join(tmp, 'reports');
  try {
    say(machineLine());
    say(loadLine('au départ'));
    if (opts.agglomerationOnly) {
      await agglomerationLines(tmp, env);
      say(loadLine('à la fin des mesures'));
      return;
    }
    progress('génération du jeu national');
    const t0 = performance.now();
    const generated = generateNationalSources({ texts: loadRealTexts(), catalogue: bundledCatalogue(), maxQpv: opts.quartiers });
    const bytes = await writeSources(sources, generated.files);
    const g = generated.geography;
    const nQpv = g.quartiers.filter((q) => q.status === 'QPV').length;
    say(
      `jeu ${opts.quartiers ? `réduit (--quartiers ${opts.quartiers})` : 'national'} : ${integer(g.quartiers.length)} quartiers (${integer(nQpv)} QPV, ${integer(g.quartiers.length - nQpv)} QIC), ` +
        `${integer(g.communes.length)} communes, ${integer(g.epcis.length)} EPCI, 2012-2021, ${generated.files.length} fichiers, ${(bytes / 1e6).toFixed(1).replace('.', ',')} Mo, ` +
        `${integer(generated.cells)} cellules de valeurs — généré en ${seconds(performance.now() - t0)}`,
    );

    const runArgs = ['run', '--sources', sources, '--out', reports, '--log', 'json'];
    progress('exécution complète (tous formats)');
    const national = await runNodeChild(CLI, runArgs, { cwd: REPO_ROOT, env });
    failIfBroken('exécution complète', national);
    const t = timingsOf(national.events, national.wallMs);
    say();
    say(`exécution complète, tous formats : ${seconds(national.wallMs)} au mur${cpu(national)}`);
    for (const l of phaseLines(t, national.wallMs)) say(l);
    const charts = (await countFiles(path.join(reports, 'graphiques'), '.vl.json')) || phaseCount(t, 'graphiques', 'fichiers');
    const workbooks = (await countFiles(path.join(reports, 'classeurs'), '.xlsx')) || phaseCount(t, 'classeurs', 'fichiers');
    const rows = phaseCount(t, 'mesures', 'lignes');
    say(`  débit : valeurs lues ${perSecond(phaseCount(t, 'lecture', 'valeurs'), phaseMs(t, 'lecture'))}, lignes mesurées ${perSecond(rows, phaseMs(t, 'mesures'))}, lignes de bout en bout ${perSecond(rows, national.wallMs)}`);
    say(`  débit : portraits ${perSecond(phaseCount(t, 'portraits', 'fichiers'), phaseMs(t, 'portraits'))}, graphiques ${perSecond(charts, phaseMs(t, 'graphiques'))} (${integer(charts ?? 0)} graphiques), classeurs ${perSecond(workbooks, phaseMs(t, 'classeurs'))} (${integer(workbooks ?? 0)} classeurs)`);
    say(`  mémoire : pic RSS ${national.peakRssKb === null ? 'non mesuré' : mib(national.peakRssKb)} (${national.rssMethod})`);
    const size = await measureOutput(reports);
    const kinds = [...size.byKind].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, n]) => `${integer(n)} ${k}`).join(', ');
    say(`  sortie : ${integer(size.files)} fichiers, ${(size.bytes / 1e6).toFixed(1).replace('.', ',')} Mo (${(size.diskBytes / 1e6).toFixed(1).replace('.', ',')} Mo sur disque) — ${kinds}`);
    const pngs = size.byKind.get('.png') ?? 0;
    if (pngs > 0) say(`  pixels des PNG : ${megapixels(size.pngPixels)} au total, ${megapixels(size.pngPixels / pngs)} en moyenne (ce que le rastériseur dessine et que zlib compresse)`);

    progress('--if-changed sans changement');
    const unchanged = await runNodeChild(CLI, [...runArgs, '--if-changed'], { cwd: REPO_ROOT, env });
    failIfBroken('--if-changed', unchanged);
    const skipped = unchanged.events.some((e) => e.event === 'inchange');
    say();
    say(`--if-changed sans changement : ${seconds(unchanged.wallMs, 2)} au mur${cpu(unchanged)}${skipped ? '' : ' — ATTENTION : pas d\'événement « inchange », le travail a été refait'}`);
    for (const l of phaseLines(timingsOf(unchanged.events, unchanged.wallMs), unchanged.wallMs).filter((l) => !l.includes('absente'))) say(l);

    const { commune, quartiers } = typicalCommune(g, opts.commune);
    const communeArgs = (out: string) => ['run', '--sources', sources, '--out', path.join(tmp, out), '--log', 'json', '--quartier', quartiers.map((q) => q.code).join(',')];
    const communeLabel = `${commune.name} (${commune.code}, ${quartiers.length} quartiers : ${quartiers.map((q) => q.code).join(', ')}), tous formats`;
    // First with the compiled chart structures the national run left in the
    // cache (the usual order for an observatory), then with an empty cache
    // (a first run after installing or upgrading the tool).
    progress(`convention communale seule (${commune.name}), cache des graphiques rempli`);
    const communeRun = await runNodeChild(CLI, communeArgs('reports-commune'), { cwd: REPO_ROOT, env });
    failIfBroken('convention communale', communeRun);
    progress(`convention communale seule (${commune.name}), cache des graphiques vide`);
    const communeCold = await runNodeChild(CLI, communeArgs('reports-commune-froid'), { cwd: REPO_ROOT, env: { ...env, QUARTIERS_CACHE_DIR: path.join(tmp, 'cache-vide') } });
    failIfBroken('convention communale (cache vide)', communeCold);
    for (const [label, r] of [['cache des graphiques rempli par l’exécution nationale', communeRun], ['cache des graphiques vide', communeCold]] as const) {
      say();
      say(`convention communale seule, ${label} : ${communeLabel} : ${seconds(r.wallMs, 2)} au mur${cpu(r)}, pic RSS ${r.peakRssKb === null ? 'non mesuré' : mib(r.peakRssKb)}`);
      for (const l of phaseLines(timingsOf(r.events, r.wallMs), r.wallMs).filter((l) => !l.includes('absente'))) say(l);
    }
    // The cache may only save time: both runs must publish the same bytes.
    const manifestOf = (out: string) => readFileSync(path.join(tmp, out, 'manifest.json'), 'utf8');
    const differing = differingOutputs(manifestOf('reports-commune'), manifestOf('reports-commune-froid'));
    say(differing.length === 0
      ? '  avec et sans cache : mêmes fichiers, mêmes octets'
      : `  ATTENTION : avec et sans cache, ${integer(differing.length)} fichiers diffèrent : ${differing.slice(0, 5).join(', ')}${differing.length > 5 ? '…' : ''}`);

    // Incremental runs on the same output: each starts from the publication the previous one left.
    const other = g.quartiers.find((q) => q.status === 'QPV' && q.commune.epci.siren !== commune.epci.siren) ?? g.quartiers[0]!;
    const edits: [string, () => Promise<string>][] = [
      // First with nothing changed (without --if-changed): what an incremental run costs by itself. The first
      // run after a publication without a previous one also adds « Ce qui a changé » to every workbook.
      ['exécution sans changement, sans --if-changed', async () => 'toutes les sources inchangées'],
      [`correction d’une référence d’agglomération (${commune.epci.shortName || commune.epci.name})`, () => correctEpciReference(sources, commune.epci)],
      [`correction qui déplace le contexte national (${other.code2015})`, () => moveNationalContext(sources, other)],
      ['nouvel indicateur pour tous les quartiers', () => addIndicator(sources, g)],
    ];
    const incremental: ChildRun[] = [];
    for (const [label, edit] of edits) {
      const what = await edit();
      progress(`exécution incrémentale : ${label}`);
      const r = await runNodeChild(CLI, runArgs, { cwd: REPO_ROOT, env });
      failIfBroken(`exécution incrémentale (${label})`, r);
      incremental.push(r);
      say();
      say(`${label} : ${what}`);
      const cpuShare = r.cpuSeconds !== null && national.cpuSeconds ? ` (CPU : ${percent(r.cpuSeconds / national.cpuSeconds)})` : '';
      say(`  ${seconds(r.wallMs, 2)} au mur${cpu(r)}, soit ${percent(r.wallMs / national.wallMs)} de l’exécution complète au mur${cpuShare}`);
      say(`  ${reuseLine(r.events)}`);
      for (const l of phaseLines(timingsOf(r.events, r.wallMs), r.wallMs).filter((l) => !l.includes('absente'))) say(l);
    }

    say();
    const scale = opts.quartiers ? ' (jeu réduit : comparer avec prudence)' : '';
    say(targetLine(`national${scale}`, seconds(national.wallMs), '< 60 s', national.wallMs < TARGETS.nationalMs));
    say(targetLine('mémoire nationale', national.peakRssKb === null ? 'non mesuré' : mib(national.peakRssKb), '< 1 536 Mio (1,5 Gio)', national.peakRssKb !== null && national.peakRssKb < TARGETS.rssKb));
    say(targetLine('convention communale (cache rempli)', seconds(communeRun.wallMs, 2), '< 3 s', communeRun.wallMs < TARGETS.communeMs));
    say(targetLine('convention communale (cache vide)', seconds(communeCold.wallMs, 2), '< 3 s', communeCold.wallMs < TARGETS.communeMs));
    const correction = incremental[1]!;
    say(targetLine(`correction d’une référence d’agglomération${scale}`, percent(correction.wallMs / national.wallMs), '≤ 10 % de l’exécution complète', correction.wallMs <= TARGETS.correctionShare * national.wallMs));
    say(targetLine('--if-changed sans changement', seconds(unchanged.wallMs, 2), '< 1 s', skipped && unchanged.wallMs < TARGETS.unchangedMs));
    await agglomerationLines(tmp, env);

    say(loadLine('à la fin des mesures'));

    if (opts.profile) {
      const dir = path.join(tmp, 'profil');
      progress('exécution complète sous profilage (node --cpu-prof), depuis les sources TypeScript');
      // From the sources (tsx), not dist/: the bundle merges vega, exceljs and lib/ into a few chunks,
      // and a profile of the sources names each function's own file.
      const profiled = await runNodeChild(path.join(REPO_ROOT, 'pipeline', 'main.ts'), [...runArgs.slice(0, 4), path.join(tmp, 'reports-profil'), '--log', 'json'], { cwd: REPO_ROOT, env, nodeArgs: ['--import', 'tsx', '--cpu-prof', `--cpu-prof-dir=${dir}`] });
      failIfBroken('exécution sous profilage', profiled);
      const names = (await fs.readdir(dir)).filter((n) => n.endsWith('.cpuprofile')).sort();
      const profiles = await Promise.all(names.map(async (n) => JSON.parse(await fs.readFile(path.join(dir, n), 'utf8')) as CpuProfile));
      say();
      say(`exécution sous profilage : ${seconds(profiled.wallMs)} au mur, ${names.length} profil(s) dans ${opts.keep ? dir : '(dossier temporaire)'}`);
      for (const l of formatSummary(summarizeProfiles(profiles, REPO_ROOT, await createPositionMapper()))) say(l);
    }
  } finally {
    if (opts.keep) say(`\ndossier gardé : ${tmp}`);
    else await fs.rm(tmp, { recursive: true, force: true });
  }
}

/** Bundled sources + the real national files: the analyst's path, with its targets (≤ 4 s, ≤ 500 Mo). */
async function agglomerationLines(tmp: string, env: NodeJS.ProcessEnv): Promise<void> {
  progress('sources livrées + fichiers nationaux réels');
  const { run, label } = await runAgglomeration(tmp, CLI, env);
  failIfBroken('sources livrées + fichiers nationaux', run);
  const end = run.events.find((e) => e.event === 'fin');
  say();
  say(`${label} : ${seconds(run.wallMs, 2)} au mur${cpu(run)}, pic RSS ${run.peakRssKb === null ? 'non mesuré' : mib(run.peakRssKb)}, ${integer(Number(end?.quartiers ?? 0))} quartiers publiés, ${integer(Number(end?.fichiers ?? 0))} fichiers`);
  for (const l of phaseLines(timingsOf(run.events, run.wallMs), run.wallMs).filter((l) => !l.includes('absente'))) say(l);
  say(targetLine('agglomération + fichiers nationaux', seconds(run.wallMs, 2), '≤ 4 s', run.wallMs <= TARGETS.agglomerationMs));
  say(targetLine('mémoire agglomération + fichiers nationaux', run.peakRssKb === null ? 'non mesuré' : mib(run.peakRssKb), '≤ 500 Mo', run.peakRssKb !== null && run.peakRssKb <= TARGETS.agglomerationRssKb));
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1).replace('.', ',')} %`;
}

/** Files taken from the previous publication, per phase: « graphiques 1 200 repris sur 1 350 ». */
function reuseLine(events: LogEvent[]): string {
  const parts = events
    .filter((e) => e.event === 'phase' && typeof e.reutilises === 'number' && typeof e.fichiers === 'number' && (e.fichiers as number) > 0)
    .map((e) => `${e.phase as string} ${integer(e.reutilises as number)} repris sur ${integer(e.fichiers as number)}`);
  return `fichiers repris de la publication précédente : ${parts.join(', ') || 'aucun'}`;
}

main().catch((e) => {
  process.stderr.write(`bench : ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});

// The everyday command line: the bare command, help, usage errors with the
// nearest option or code suggested, case-insensitive quartier codes.

import { appendFileSync, cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTIONS, parseArgs } from '../../pipeline/args.ts';
import { helpText } from '../../lib/messages/help.ts';
import { UsageError } from '../../lib/errors.ts';
import { nearestWord } from '../../lib/text/nearest-word.ts';
import { runCli } from '../helpers/cli.ts';
import { BUNDLED_SOURCES } from '../helpers/bundled.ts';
import { msg } from '../../lib/messages/index.ts';

function usageError(argv: string[]): UsageError {
  try {
    parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) return e;
    throw e;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

const tmpOut = () => path.join(mkdtempSync(path.join(tmpdir(), 'quartiers-cli-')), 'reports');

describe('parsing the command line', () => {
  it('every usage error is exit status 2 and suggests the nearest option, value or command', () => {
    const cases: [string[], string][] = [
      [['run', '--anne', '2019'], 'Vouliez-vous dire --annee ?'],
      [['run', '--anne=2019'], 'Vouliez-vous dire --annee ?'],
      [['run', '--quartiers', 'QN06205M'], 'Vouliez-vous dire --quartier ?'],
      [['run', '--sorces', 'x'], 'Vouliez-vous dire --sources ?'],
      [['run', '--if-changd'], 'Vouliez-vous dire --if-changed ?'],
      [['run', '--formats', 'xslx'], 'Vouliez-vous dire xlsx ?'],
      [['run', '--log', 'jsno'], 'Vouliez-vous dire json ?'],
      [['valdate'], 'Vouliez-vous dire validate ?'],
      [['verif'], 'Vouliez-vous dire verifier ?'],
    ];
    for (const [argv, suggestion] of cases) {
      const e = usageError(argv);
      expect(e.exitCode, argv.join(' ')).toBe(2);
      expect(e.message, argv.join(' ')).toContain(suggestion);
    }
    for (const argv of [['run', '--annee'], ['run', '--annee', '19'], ['run', 'validate'], ['run', '--attendre=x']]) expect(usageError(argv).exitCode).toBe(2);
    expect(usageError(['run', '--zzzzzzzz']).message).not.toContain('Vouliez-vous dire');
  });

  it('the bare command and --help anywhere ask for help, per command', () => {
    expect(parseArgs([])).toMatchObject({ command: 'help', helpTopic: 'general' });
    expect(parseArgs(['--help'])).toMatchObject({ command: 'help', helpTopic: 'general' });
    expect(parseArgs(['run', '--help'])).toMatchObject({ command: 'help', helpTopic: 'run' });
    expect(parseArgs(['--sources', 'x', 'validate', '-h'])).toMatchObject({ command: 'help', helpTopic: 'validate' });
    expect(parseArgs(['verifier', '--help'])).toMatchObject({ command: 'help', helpTopic: 'verify' });
    expect(parseArgs(['help', 'run'])).toMatchObject({ command: 'help', helpTopic: 'run' });
    expect(parseArgs(['run'])).toMatchObject({ command: 'run' });
  });

  it('every option is described by a sentence in the help, and a typo of it is answered with it', () => {
    const help = helpText('general');
    for (const option of OPTIONS.filter((o) => o !== '--help' && o !== '--version')) {
      expect(help, option).toMatch(new RegExp(`^  ${option}(?:[ =\\[]\\S*)? {2,}[A-ZÉ].*\\.$`, 'm'));
      const typo = option.slice(0, -1) + (option.endsWith('x') ? 'y' : 'x');
      expect(usageError(['run', typo]).message, typo).toContain(`Vouliez-vous dire ${option} ?`);
    }
  });

  it('offers a candidate only when it is close', () => {
    expect(nearestWord('QN06205m', ['QN06205M', 'QIC-62555-01'])).toBe('QN06205M');
    expect(nearestWord('QN0620M', ['QN06205M', 'QIC-62555-01'])).toBe('QN06205M');
    expect(nearestWord('ZZ', ['QN06205M'])).toBeUndefined();
  });
});

describe('quartiers on the command line', () => {
  it('alone prints the help on stdout with status 0; --help describes options, examples and every exit status', async () => {
    const bare = await runCli([]);
    expect(bare.code).toBe(0);
    expect(bare.stderr).toBe('');
    for (const text of ['quartiers run', 'validate', 'verifier', '--annee AAAA', 'Exemples :', '--if-changed --attendre --log json', '--quartier QN06205M']) expect(bare.stdout).toContain(text);
    for (const status of ['0 ', '1 ', '2 ', '3 ', '130/143', '70 ']) expect(bare.stdout).toMatch(new RegExp(`^  ${status.replace('/', '\\/')}`, 'm'));
    const run = await runCli(['run', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Options de run');
    expect(run.stdout).not.toContain('Options de verifier');
    // Each option is described by a sentence, not only named.
    for (const line of run.stdout.split('\n').filter((l) => /^ {2}--/.test(l))) expect(line).toMatch(/^ {2}--\S+(?: \S+)? {2,}[A-ZÉ].*\.$/);
  });

  it('a sources folder that does not exist is a usage error (2), saying which option fixes it', async () => {
    for (const command of ['run', 'validate']) {
      const r = await runCli([command, '--sources', 'pas-de-dossier', '--out', tmpOut()]);
      expect(r.code, command).toBe(2);
      expect(r.stderr).toContain('pas-de-dossier : dossier des sources introuvable');
      expect(r.stderr).toContain('--sources');
    }
  });

  it('matches quartier codes without regard to case, and suggests the nearest code for an unknown one', async () => {
    const out = tmpOut();
    const ok = await runCli(['run', '--quartier', 'qn06205m', '--formats', 'csv', '--out', out]);
    expect(ok.code, ok.stderr).toBe(0);
    const codes = new Set(readFileSync(path.join(out, 'indicateurs.csv'), 'utf8').split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[0]));
    expect([...codes]).toEqual(['QN06205M']);
    const bad = await runCli(['run', '--quartier', 'QN06250M', '--formats', 'csv', '--out', tmpOut()]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('quartier « QN06250M » absent des sources. Vouliez-vous dire QN06205M ?');
  });

  it('a registry quartier no source covers is named as such, not « absent des sources »', async () => {
    const sources = path.join(path.dirname(tmpOut()), 'sources');
    cpSync(BUNDLED_SOURCES, sources, { recursive: true });
    const registry = path.join(sources, 'referentiel', 'quartiers.csv');
    appendFileSync(registry, "QN03105M;;Grand Val d'Aran;QPV;62555;Marles-les-Mines;Marles-les-Mines;200072460;Communauté d'agglomération de Béthune-Bruay, Artois-Lys Romane;CABBALR\n");
    const r = await runCli(['run', '--sources', sources, '--quartier', 'qn03105m', '--formats', 'csv', '--out', tmpOut()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(msg.quartierOptionWithoutFigures('QN03105M', "Grand Val d'Aran"));
  });
});

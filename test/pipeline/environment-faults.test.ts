// No exit 70 from input or environment: deeply nested JSON, a disk that
// fills up during a run (injected, and on a small tmpfs where one can be
// mounted), an empty --out, errno causes in French.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statfsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { msg } from '../../lib/messages/index.ts';
import { errnoText } from '../../lib/messages/errno.ts';
import { locateTooDeep } from '../../lib/ingest/geojson-syntax.ts';
import { verifyFolder } from '../../pipeline/manifest.ts';
import { BUNDLED_SOURCES } from '../helpers/bundled.ts';
import { copySources, siblings, tempRoot } from './fixture-runs.ts';

const LIMIT = { timeoutMs: 60_000 };
const LIGHT = ['--formats', 'csv,md'];

function expectNoInternalError(r: { code: number | null; stderr: string }): void {
  expect(r.stderr).not.toContain(msg.internalError('').split(' : ')[0]!);
  expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(r.code).not.toBe(70);
}

async function published(out: string): Promise<string> {
  const { manifest, problems } = await verifyFolder(out);
  expect(problems).toEqual([]);
  return manifest!.empreinte_entrees;
}

describe('deeply nested JSON', () => {
  it('is located without exhausting the stack, strings skipped', () => {
    expect(locateTooDeep('['.repeat(1_000_000))).toMatchObject({ line: 1, column: 101 });
    expect(locateTooDeep(`{"a":"${'['.repeat(500)}","b":[[1]]}`)).toBeNull();
    expect(locateTooDeep('{\n "a": ' + '['.repeat(150) + ']'.repeat(150) + '}')).toMatchObject({ line: 2, column: 106 });
  });

  it('in a GeoJSON of the sources: exit 1 naming file, line and column', async () => {
    const root = tempRoot();
    const sources = copySources(root, 'sources');
    for (const [name, text] of [
      ['profond.geojson', `{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code_qp":"QN06205M"},"geometry":{"type":"Polygon","coordinates":${'['.repeat(200_000)}${']'.repeat(200_000)}}}]}`],
      ['profond.geojson', '{"a":' + '['.repeat(5000) + ']'.repeat(5000) + '}'],
    ] as const) {
      writeFileSync(path.join(sources, name), text);
      const r = await runCli(['run', '--sources', sources, '--out', path.join(root, 'reports'), '--formats', 'csv'], LIMIT);
      expectNoInternalError(r);
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toContain(`${name}:1, colonne`);
      expect(r.stderr).toContain('plus de 100 niveaux');
    }
  });
});

describe('a disk that fills up during a run', () => {
  it('(injected write error) exit 2 in French, previous reports intact, staging removed', async () => {
    const root = tempRoot();
    const out = path.join(root, 'reports');
    const first = await runCli(['run', '--sources', BUNDLED_SOURCES, '--out', out, ...LIGHT], LIMIT);
    expect(first.code, first.stderr).toBe(0);
    const before = await published(out);
    const beside = siblings(out);
    const sources = copySources(root, 'sources', true);
    for (const code of ['ENOSPC', 'EDQUOT', 'EIO']) {
      const r = await runCli(['run', '--sources', sources, '--out', out, ...LIGHT], { ...LIMIT, env: { QUARTIERS_TEST_WRITE_FAULT: `2:${code}` } });
      expectNoInternalError(r);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(msg.runSystemError(out, errnoText(code)));
      expect(r.stderr).not.toContain('injected');
      expect(await published(out)).toBe(before);
      expect(siblings(out)).toEqual(beside);
    }
  });

  it('(a real 1 MB tmpfs, where the test may mount one) exit 2, previous reports intact, staging removed', async (ctx) => {
    const root = tempRoot();
    const disk = path.join(root, 'petit-disque');
    mkdirSync(disk);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', disk], { stdio: 'ignore' });
    } catch {
      ctx.skip();
      return;
    }
    try {
      const out = path.join(disk, 'reports');
      const first = await runCli(['run', '--sources', BUNDLED_SOURCES, '--out', out, '--formats', 'csv'], LIMIT);
      expect(first.code, first.stderr).toBe(0);
      const before = await published(out);
      const beside = siblings(out);
      // Fill the disk but for a few kilobytes: the new run cannot write its files.
      const { bavail, bsize } = statfsSync(disk);
      writeFileSync(path.join(disk, 'remplissage'), Buffer.alloc(Math.max(0, bavail * bsize - 16 * 1024)));
      const r = await runCli(['run', '--sources', copySources(root, 'sources', true), '--out', out, '--formats', 'csv,md,html'], LIMIT);
      expectNoInternalError(r);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(msg.runSystemError(out, errnoText('ENOSPC')));
      expect(await published(out)).toBe(before);
      expect(siblings(out)).toEqual(beside);
    } finally {
      execFileSync('umount', [disk]);
    }
  });
});

describe('options and errno texts', () => {
  it('--out or --sources empty: exit 2 saying so, nothing written', async () => {
    const root = tempRoot();
    for (const [args, option] of [[['--out', ''], '--out'], [['--sources', '', '--out', path.join(root, 'r')], '--sources']] as const) {
      const r = await runCli(['run', ...args, ...LIGHT], { ...LIMIT, cwd: root });
      expectNoInternalError(r);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(msg.emptyFolderOption(option));
    }
    expect(existsSync(path.join(root, 'r'))).toBe(false);
  });

  it('system errors are told in French, never with Node’s English text', () => {
    for (const code of ['ENOSPC', 'EACCES', 'EROFS', 'EIO', 'EMFILE', 'ENOENT']) expect(errnoText(Object.assign(new Error('no space left on device'), { code }))).not.toMatch(/[a-z]{3,} (on|left|denied|such)/);
    expect(errnoText({ code: 'EWHATEVER' })).toBe('erreur système EWHATEVER');
  });

  it('an unreadable source file is named with a French cause', async () => {
    const root = tempRoot();
    const sources = copySources(root, 'sources');
    const file = path.join(sources, 'insee/filosofi_qpv_QP062005_2012_2021.csv');
    execFileSync('chmod', ['000', file]);
    const r = await runCli(['run', '--sources', sources, '--out', path.join(root, 'reports'), '--formats', 'csv'], { ...LIMIT, env: {} });
    expectNoInternalError(r);
    // root reads any file: then the run simply succeeds.
    if (r.code !== 0) expect(r.stderr).toContain(msg.unreadableFile('insee/filosofi_qpv_QP062005_2012_2021.csv', errnoText('EACCES')));
    expect(readFileSync(path.join(BUNDLED_SOURCES, 'referentiel/quartiers.csv')).length).toBeGreaterThan(0);
  });
});

// Property: whatever bytes the bundled sources hold and whatever arguments
// the command line gets, a run ends with 0, 1 or 2, never with a stack trace
// or « erreur interne », and on 1 or 2 the previous reports are untouched,
// byte for byte. Bytes of one data file are mutated (set, inserted, deleted,
// cut) and the arguments perturbed; a modest number of runs keeps the suite fast.

import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { msg } from '../../lib/messages/index.ts';
import { BUNDLED_SOURCES } from '../helpers/bundled.ts';
import { tempRoot } from './fixture-runs.ts';

const RUNS = Number(process.env.QUARTIERS_PROPERTY_RUNS) || 16;

/** Every file under `dir` (links followed) with its bytes. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) files[path.relative(dir, path.join(e.parentPath, e.name))] = readFileSync(path.join(e.parentPath, e.name)).toString('base64');
  }
  return files;
}

const DATA_FILES = readdirSync(BUNDLED_SOURCES, { recursive: true, withFileTypes: true })
  .filter((e) => e.isFile() && /\.(csv|geojson)$/.test(e.name))
  .map((e) => path.relative(BUNDLED_SOURCES, path.join(e.parentPath, e.name)))
  .sort();

type Op = { kind: 'set' | 'insert' | 'delete' | 'cut'; at: number; bytes: Uint8Array };

function mutate(bytes: Buffer, ops: Op[]): Buffer {
  let b = bytes;
  for (const op of ops) {
    const at = b.length ? op.at % b.length : 0;
    if (op.kind === 'set') b = Buffer.concat([b.subarray(0, at), Buffer.from(op.bytes), b.subarray(at + op.bytes.length)]);
    else if (op.kind === 'insert') b = Buffer.concat([b.subarray(0, at), Buffer.from(op.bytes), b.subarray(at)]);
    else if (op.kind === 'delete') b = Buffer.concat([b.subarray(0, at), b.subarray(at + op.bytes.length * 7)]);
    else b = b.subarray(0, at);
  }
  return b;
}

/** Bytes that break text in the usual ways: quotes, separators, line ends, NUL, stray Latin-1, UTF-8 pieces, formula starts. */
const hostileByte = fc.constantFrom(0x22, 0x3b, 0x2c, 0x0a, 0x0d, 0x00, 0xe9, 0xc3, 0xa9, 0xff, 0x3d, 0x2b, 0x2d, 0x40, 0x5b, 0x7b, 0x20, 0x09, 0x31);
const op = fc.record({
  kind: fc.constantFrom<Op['kind']>('set', 'insert', 'insert', 'delete', 'cut'),
  at: fc.nat(),
  bytes: fc.oneof(fc.uint8Array({ minLength: 1, maxLength: 6 }), fc.array(hostileByte, { minLength: 1, maxLength: 6 }).map((a) => Uint8Array.from(a))),
});
// An argument cannot hold NUL (the system refuses it before the tool starts).
const text = fc.oneof(fc.string({ maxLength: 12 }).map((s) => s.replace(/\0/g, '')), fc.constantFrom('', '-', '--', '2024', '1e-400', '4 0', 'QN06205M,qic-62555-01', 'csv,md', 'json', '../x'));
const args: fc.Arbitrary<string[]> = fc.oneof(
  fc.constant<string[]>([]),
  fc.tuple(fc.constantFrom('--annee', '--quartier', '--formats', '--log', '--attendre'), text).map(([o, v]) => [o, v]),
  fc.tuple(fc.constantFrom('--annee', '--quartier', '--formats', '--log', '--attendre'), text).map(([o, v]) => [`${o}=${v}`]),
  text.map((t) => [t]),
  fc.constantFrom<string[]>(['--if-changed'], ['--quiet'], ['--debug'], ['--tout-refaire'], ['--tous-les-quartiers'], ['--help'], ['validate'], ['--sources']),
);

describe('hostile bytes and arguments (property, fast-check)', () => {
  it(`${RUNS} runs: exit 0, 1 or 2, no stack trace, previous reports intact on 1 or 2`, async () => {
    const root = tempRoot();
    const out = path.join(root, 'reports');
    const first = await runCli(['run', '--sources', BUNDLED_SOURCES, '--out', out, '--formats', 'csv,md'], { timeoutMs: 60_000, cwd: root });
    expect(first.code, first.stderr).toBe(0);
    let previous = snapshot(out);
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: DATA_FILES.length - 1 }), fc.array(op, { minLength: 1, maxLength: 3 }), args, async (fileIndex, ops, extra) => {
        const sources = path.join(root, `sources-${++n}`);
        cpSync(BUNDLED_SOURCES, sources, { recursive: true });
        const file = path.join(sources, DATA_FILES[fileIndex]!);
        writeFileSync(file, mutate(readFileSync(file), ops));
        const r = await runCli(['run', '--sources', sources, '--out', out, '--formats', 'csv,md', ...extra], { timeoutMs: 60_000, cwd: root });
        rmSync(sources, { recursive: true, force: true });
        const context = `${DATA_FILES[fileIndex]} ${JSON.stringify(extra)}\n${r.stderr.slice(0, 2000)}`;
        expect([0, 1, 2], context).toContain(r.code);
        expect(r.stderr, context).not.toContain(msg.internalError('').split(' : ')[0]!);
        if (!extra.includes('--debug')) expect(r.stderr, context).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
        if (r.code === 0) previous = snapshot(out);
        else expect(snapshot(out), context).toEqual(previous);
      }),
      { numRuns: RUNS, seed: Number(process.env.QUARTIERS_PROPERTY_SEED) || undefined, endOnFailure: true },
    );
  }, 600_000);
});

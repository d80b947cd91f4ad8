import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { bundleFingerprint, openRuntimeCache, runtimeCacheOfThisBuild } from '../../pipeline/runtime-cache.ts';
import type { CompiledStructure } from '../../lib/render/charts/chart-job.ts';

const tmp = mkdtempSync(path.join(tmpdir(), 'quartiers-runtime-cache-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let n = 0;
const freshRoot = () => path.join(tmp, `root-${n++}`);
const compiled = (name: string): CompiledStructure => ({ dataName: 'data_0', runtime: { operators: [{ id: 0, type: 'operator', value: name }] } as unknown as CompiledStructure['runtime'] });
const jsonFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.json'));

describe('openRuntimeCache', () => {
  it('gives back what a run stored, to another run of the same build', () => {
    const root = freshRoot();
    openRuntimeCache(root, 'b1').set('{"mark":"bar"}', compiled('a'));
    const again = openRuntimeCache(root, 'b1');
    expect(again.get('{"mark":"bar"}')).toEqual(compiled('a'));
    expect(again.get('{"mark":"line"}')).toBeUndefined();
    // Nothing half-written is left beside the entry.
    expect(readdirSync(path.join(root, 'vega-b1'))).toHaveLength(1);
  });

  it('treats a damaged or foreign file as absent', () => {
    const root = freshRoot();
    const cache = openRuntimeCache(root, 'b1');
    cache.set('s1', compiled('a'));
    cache.set('s2', compiled('b'));
    const [f1, f2] = jsonFiles(path.join(root, 'vega-b1')).map((f) => path.join(root, 'vega-b1', f));
    writeFileSync(f1!, '{"dataName": "data_0", "runti');
    writeFileSync(f2!, '{"something": "else"}');
    expect(cache.get('s1')).toBeUndefined();
    expect(cache.get('s2')).toBeUndefined();
  });

  it('removes what other builds compiled when it opens', () => {
    const root = freshRoot();
    openRuntimeCache(root, 'old').set('s', compiled('a'));
    mkdirSync(path.join(root, 'unrelated'));
    const current = openRuntimeCache(root, 'new');
    expect(current.get('s')).toBeUndefined();
    expect(existsSync(path.join(root, 'vega-old'))).toBe(false);
    expect(existsSync(path.join(root, 'unrelated'))).toBe(true);
  });

  it('keeps the structures used last when there are too many', () => {
    const root = freshRoot();
    const cache = openRuntimeCache(root, 'b1', 2);
    for (const s of ['s1', 's2', 's3']) cache.set(s, compiled(s));
    const dir = path.join(root, 'vega-b1');
    // Written long ago, then s1 used now.
    for (const f of jsonFiles(dir)) utimesSync(path.join(dir, f), new Date(2020, 0, 1), new Date(2020, 0, 1));
    expect(cache.get('s1')).toEqual(compiled('s1'));
    const reopened = openRuntimeCache(root, 'b1', 2);
    expect(jsonFiles(dir)).toHaveLength(2);
    expect(reopened.get('s1')).toEqual(compiled('s1'));
  });

  it('never fails a run when the cache cannot be written', () => {
    const root = path.join(tmp, 'a-file');
    writeFileSync(root, '');
    const cache = openRuntimeCache(root, 'b1');
    expect(() => cache.set('s', compiled('a'))).not.toThrow();
    expect(cache.get('s')).toBeUndefined();
  });
});

describe('bundleFingerprint', () => {
  it('changes with the entry and with the list of chunks', () => {
    const dist = path.join(tmp, 'dist');
    mkdirSync(path.join(dist, 'chunks'), { recursive: true });
    writeFileSync(path.join(dist, 'chart-worker.js'), 'import "./chunks/chunk-AAAA.js";');
    writeFileSync(path.join(dist, 'chunks', 'chunk-AAAA.js'), '');
    const first = bundleFingerprint(dist);
    expect(bundleFingerprint(dist)).toBe(first);
    writeFileSync(path.join(dist, 'chunks', 'chunk-BBBB.js'), '');
    const second = bundleFingerprint(dist);
    expect(second).not.toBe(first);
    writeFileSync(path.join(dist, 'chart-worker.js'), 'import "./chunks/chunk-BBBB.js";');
    expect(bundleFingerprint(dist)).not.toBe(second);
  });
});

describe('runtimeCacheOfThisBuild', () => {
  it('keeps nothing when running from the TypeScript sources, or when QUARTIERS_CACHE_DIR is empty', () => {
    expect(runtimeCacheOfThisBuild({ QUARTIERS_CACHE_DIR: freshRoot() }, false)).toBeUndefined();
    expect(runtimeCacheOfThisBuild({ QUARTIERS_CACHE_DIR: '' }, true)).toBeUndefined();
  });
});

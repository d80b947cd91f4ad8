// The benchmark's readings: self time from a V8 profile, and phase timings
// from `--log json` events, with phases that do not exist yet.

import { describe, expect, it } from 'vitest';
import { summarizeProfiles, type CpuProfile } from '../../bench/cpuprofile-summary.ts';
import { parseJsonLines } from '../../bench/child-run.ts';
import { phaseLines, perSecond, timingsOf } from '../../bench/phase-report.ts';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber, columnNumber: 4 });

describe('cpu profile summary', () => {
  const profile: CpuProfile = {
    nodes: [
      { id: 1, callFrame: frame('(root)') },
      { id: 2, callFrame: frame('parse', 'file:///repo/lib/a.ts', 9) },
      { id: 3, callFrame: frame('', 'file:///repo/lib/b.ts', 2) },
      { id: 4, callFrame: frame('(idle)') },
    ],
    // Each sample lasts until the next one: 2 → 1 ms, 3 → 3 ms, 2 → 4 ms, 4 → 5 ms, last → 0.
    samples: [2, 3, 2, 4, 2],
    timeDeltas: [0, 1000, 3000, 4000, 5000],
    startTime: 0,
    endTime: 13000,
  };

  it('adds self time per function and per file, idle apart, over every profile', () => {
    const s = summarizeProfiles([profile, profile], '/repo/');
    expect(s.idleMs).toBe(10);
    expect(s.totalMs).toBe(16);
    expect(s.functions[0]).toEqual({ name: 'parse', where: 'lib/a.ts:10:5', ms: 10 });
    expect(s.functions[1]).toEqual({ name: '(anonyme)', where: 'lib/b.ts:3:5', ms: 6 });
    expect(s.files.map((f) => f.name)).toEqual(['lib/a.ts', 'lib/b.ts']);
  });
});

describe('phase timings from log events', () => {
  const stdout = [
    '{"event":"phase","phase":"lecture","valeurs":2000,"duree_ms":400}',
    'not json',
    '{"event":"phase","phase":"mesures","lignes":1500,"duree_ms":100}',
    '{"event":"publication","duree_ms":600}',
  ].join('\n');

  it('reads phases, publication and start-up, and names the phases not run', () => {
    const events = parseJsonLines(stdout);
    expect(events).toHaveLength(3);
    const t = timingsOf(events, 1000);
    expect(t.phases.map((p) => [p.phase, p.ms])).toEqual([['lecture', 400], ['mesures', 100]]);
    expect(t.publishMs).toBe(100);
    expect(t.startupMs).toBe(400);
    const lines = phaseLines(t, 1000).join('\n');
    expect(lines).toMatch(/lecture \(ingestion\).*0,40 s.*2 000 valeurs/);
    expect(lines).toMatch(/graphiques .*absente/);
  });

  it('counts the workbooks, built while the charts are drawn, only for the time they outlast them', () => {
    const events = parseJsonLines(['graphiques:300', 'classeurs:250', 'html:100'].map((p) => `{"event":"phase","phase":"${p.split(':')[0]}","duree_ms":${p.split(':')[1]}}`).concat('{"event":"publication","duree_ms":1000}').join('\n'));
    expect(timingsOf(events, 1000).publishMs).toBe(600);
    const longer = parseJsonLines(['graphiques:300', 'classeurs:450'].map((p) => `{"event":"phase","phase":"${p.split(':')[0]}","duree_ms":${p.split(':')[1]}}`).concat('{"event":"publication","duree_ms":1000}').join('\n'));
    expect(timingsOf(longer, 1000).publishMs).toBe(550);
  });

  it('falls back to the wall time when no phase is reported', () => {
    expect(phaseLines(timingsOf([], 2500), 2500)).toEqual(['  aucun événement de phase : temps mur seul, 2,5 s']);
    expect(perSecond(1500, 500)).toBe('3 000/s');
    expect(perSecond(undefined, 500)).toBe('n/a');
  });
});

describe('profile positions back to TypeScript lines', () => {
  it('decodes source map segments', async () => {
    const { decodeMappings, originalLineAt } = await import('../../bench/profile-positions.ts');
    // Segments are [column, source, line, column] deltas: "KAEA" = column +5, line +2; "KACA" = column +5, line +1.
    const decoded = decodeMappings('AAAA,KAEA,KACA');
    expect(decoded).toEqual([[[0, 0], [5, 2], [10, 3]]]);
    expect(originalLineAt(decoded, 0, 7)).toBe(2);
    expect(originalLineAt(decoded, 0, 99)).toBe(3);
    expect(originalLineAt(decoded, 1, 0)).toBeUndefined();
  });

  it('maps a position in the code tsx runs to the line of the TypeScript file', async () => {
    const { createPositionMapper } = await import('../../bench/profile-positions.ts');
    const { transformSync } = (await import('esbuild' as string)) as { transformSync: (c: string, o: object) => { code: string } };
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { pathToFileURL } = await import('node:url');
    const source = ['// header', 'const a: number = 1;', '', 'export function first(x: number): number {', '  return x + a;', '}', '', 'export function second(s: string): string {', '  return s.trim();', '}', ''].join('\n');
    const dir = mkdtempSync(join(tmpdir(), 'bench-positions-'));
    const file = join(dir, 'sample.ts');
    writeFileSync(file, source);
    const { code } = transformSync(source, { loader: 'ts', target: `node${process.versions.node}`, minifyWhitespace: true, keepNames: true });
    expect(code.split('\n').filter(Boolean)).toHaveLength(1);
    const toSource = await createPositionMapper();
    const url = pathToFileURL(file).href;
    expect(toSource(url, 0, code.indexOf('function second'))).toBe(7);
    expect(toSource(url, 0, code.indexOf('function first'))).toBe(3);
    rmSync(dir, { recursive: true, force: true });
  });
});

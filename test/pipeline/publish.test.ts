// Publishing: the output path is a link swapped in one rename; a reader that
// reads through it in a loop during many publications never misses it.

import { spawn, spawnSync } from 'node:child_process';
import { lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLeftovers, outState, publishFolder, restoreOutput, stagingName, versionStamp } from '../../pipeline/publish.ts';
import { createOutputWriter, safeJoin } from '../../pipeline/output-writer.ts';
import { siblings, tempRoot } from './fixture-runs.ts';

let serial = 0;
function stage(out: string, content: string): string {
  const dir = stagingName(out, process.pid);
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(path.join(dir, 'a.txt'), content);
  writeFileSync(path.join(dir, 'sub', 'b.txt'), content);
  writeFileSync(path.join(dir, 'manifest.json'), '{}');
  return dir;
}
const stamp = () => `${versionStamp(new Date())}-${String(++serial).padStart(4, '0')}`;

describe('publishFolder', () => {
  it('makes the output path a link to the new version and keeps the previous one, renamed, until the next run', async () => {
    const out = path.join(tempRoot(), 'reports');
    await publishFolder(stage(out, 'un'), out, stamp());
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(readFileSync(path.join(out, 'sub', 'b.txt'), 'utf8')).toBe('un');
    const first = readlinkSync(out);
    expect(siblings(out)).toEqual([first]);
    await publishFolder(stage(out, 'deux'), out, stamp());
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('deux');
    expect(readlinkSync(out)).not.toBe(first);
    // A reader that had just followed the link to the first version still finds its files there.
    const previous = first.replace('.reports.v-', '.reports.precedente-');
    expect(siblings(out).sort()).toEqual([readlinkSync(out), previous].sort());
    expect(readFileSync(path.join(path.dirname(out), previous, 'a.txt'), 'utf8')).toBe('un');
    // One previous version at most.
    const second = readlinkSync(out);
    await publishFolder(stage(out, 'trois'), out, stamp());
    expect(siblings(out).sort()).toEqual([readlinkSync(out), second.replace('.reports.v-', '.reports.precedente-')].sort());
    // The next run removes it before it builds, and does not report it as a leftover.
    expect(await cleanLeftovers(out)).toEqual([]);
    expect(siblings(out)).toEqual([readlinkSync(out)]);
  });

  it('converts a plain output folder into a link once, keeping nothing of it', async () => {
    const out = path.join(tempRoot(), 'reports');
    mkdirSync(out);
    writeFileSync(path.join(out, 'ancien.txt'), 'x');
    const steps: string[] = [];
    await publishFolder(stage(out, 'neuf'), out, stamp(), (s) => steps.push(s));
    expect(steps).toEqual(['publication:version', 'publication:conversion', 'publication:bascule']);
    expect((await outState(out)).kind).toBe('managed-link');
    expect(readdirSync(out).sort()).toEqual(['a.txt', 'manifest.json', 'sub']);
    expect(siblings(out)).toHaveLength(1);
  });

  it('never leaves a moment without the output path for a reader in another process', async () => {
    const out = path.join(tempRoot(), 'reports');
    await publishFolder(stage(out, '0'), out, stamp());
    const reader = spawn(process.execPath, ['-e', `
      const fs = require('node:fs');
      let reads = 0, misses = 0;
      const end = Date.now() + 60000;
      process.stdout.write('pret\\n');
      const loop = () => {
        for (let i = 0; i < 200; i++) {
          try { fs.readFileSync(${JSON.stringify(path.join(out, 'a.txt'))}); reads++; } catch { misses++; }
        }
        if (fs.existsSync(${JSON.stringify(out + '.stop')}) || Date.now() > end) { console.log(JSON.stringify({ reads, misses })); return; }
        setImmediate(loop);
      };
      loop();`], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    const ready = new Promise<void>((r) => reader.stdout.on('data', (d) => {
      stdout += d;
      if (stdout.includes('pret')) r();
    }));
    const ended = new Promise((r) => reader.on('close', r));
    await ready;
    for (let i = 1; i <= 60; i++) await publishFolder(stage(out, String(i)), out, stamp());
    writeFileSync(out + '.stop', '');
    await ended;
    const { reads, misses } = JSON.parse(stdout.replace('pret', '')) as { reads: number; misses: number };
    console.log(`reader during 60 publications: ${reads} reads, ${misses} misses`);
    expect(reads).toBeGreaterThan(0);
    expect(misses).toBe(0);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('60');
  });
});

describe('leftovers and recovery', () => {
  it('removes what dead runs left, keeps what a live run is building and the published version', async () => {
    const out = path.join(tempRoot(), 'reports');
    await publishFolder(stage(out, 'pub'), out, stamp());
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    const live = spawn('sleep', ['30'], { stdio: 'ignore' });
    try {
      const parent = path.dirname(out);
      for (const name of [`.reports.tmp-${dead}`, `.reports.v-20200101T000000Z-ab-${dead}`, `.reports.tmp-${live.pid}`]) mkdirSync(path.join(parent, name));
      writeFileSync(path.join(parent, `.reports.lien-${dead}`), '');
      writeFileSync(path.join(parent, `.reports.lock.${dead}`), '');
      const removed = await cleanLeftovers(out);
      expect(removed.sort()).toEqual([`.reports.lien-${dead}`, `.reports.lock.${dead}`, `.reports.tmp-${dead}`, `.reports.v-20200101T000000Z-ab-${dead}`].sort());
      expect(siblings(out).sort()).toEqual([readlinkSync(out), `.reports.tmp-${live.pid}`].sort());
    } finally {
      live.kill('SIGKILL');
    }
  });

  it('relinks the newest complete version when the output path went missing', async () => {
    const out = path.join(tempRoot(), 'reports');
    await publishFolder(stage(out, 'pub'), out, stamp());
    const version = readlinkSync(out);
    spawnSync('rm', [out]);
    expect(await restoreOutput(out)).toBe(version);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('pub');
    expect(await restoreOutput(out)).toBeNull();
  });
});

describe('output writer', () => {
  it('refuses any path that leaves the folder', async () => {
    const root = tempRoot();
    const w = createOutputWriter(path.join(root, 'staging'));
    for (const bad of ['../x', '../../etc/passwd', '/etc/passwd', 'a/../../x', 'a\0b']) {
      await expect(w.write(bad, 'x')).rejects.toThrow(/chemin de sortie refusé/);
    }
    expect(() => safeJoin(root, 'a/./b/../c')).not.toThrow();
    expect(readdirSync(root)).toEqual([]);
  });

  it('writes text given in pieces as the whole text, with its sha256 and size in bytes', async () => {
    const root = tempRoot();
    const w = createOutputWriter(root);
    const pieces = ['a,b\r\n', 'é,’\r\n', '', 'x,y\r\n'];
    await w.write('t/pieces.csv', { chunks: pieces });
    await w.write('t/whole.csv', pieces.join(''));
    expect(readFileSync(path.join(root, 't/pieces.csv'), 'utf8')).toBe(pieces.join(''));
    expect(w.written.get('t/pieces.csv')).toEqual(w.written.get('t/whole.csv'));
    expect(w.written.get('t/pieces.csv')!.bytes).toBe(Buffer.byteLength(pieces.join('')));
  });
});

// Publishing: the output path is a link swapped in one rename; a reader that
// reads through it in a loop during many publications never misses it.

import { spawn, spawnSync } from 'node:child_process';
import { cpSync, linkSync, lstatSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanLeftovers, outState, publishFolder, restoreOutput, stagingName, versionStamp } from '../../pipeline/publish.ts';
import { createOutputWriter, safeJoin } from '../../pipeline/output-writer.ts';
import { siblings, tempRoot } from './fixture-runs.ts';
import { fileEntry } from '../../pipeline/manifest.ts';

let serial = 0;
/** A staging folder as a run leaves it: two files and the manifest that lists them. */
function stage(out: string, content: string): string {
  const dir = stagingName(out, process.pid);
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  writeFileSync(path.join(dir, 'a.txt'), content);
  writeFileSync(path.join(dir, 'sub', 'b.txt'), content);
  const sorties = ['a.txt', 'sub/b.txt'].map((f) => fileEntry(f, Buffer.from(content)));
  writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ outil: { nom: 'quartiers' }, entrees: [], sorties }));
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
    // A reader that had just followed the link to the first version still finds its files there, under the same name.
    expect(siblings(out).sort()).toEqual([readlinkSync(out), first].sort());
    expect(readFileSync(path.join(path.dirname(out), first, 'a.txt'), 'utf8')).toBe('un');
    // One previous version at most.
    const second = readlinkSync(out);
    await publishFolder(stage(out, 'trois'), out, stamp());
    expect(siblings(out).sort()).toEqual([readlinkSync(out), second].sort());
    // The next run removes it before it builds, and does not report it as a leftover.
    expect(await cleanLeftovers(out)).toEqual({ removed: [], kept: [] });
    expect(siblings(out)).toEqual([readlinkSync(out)]);
  });

  it('converts a plain output folder that holds an earlier publication into a link once, keeping nothing of it', async () => {
    const out = path.join(tempRoot(), 'reports');
    cpSync(stage(out, 'ancien'), out, { recursive: true });
    const steps: string[] = [];
    const { cleanup } = await publishFolder(stage(out, 'neuf'), out, stamp(), (s) => steps.push(s));
    expect(steps).toEqual(['publication:version', 'publication:conversion', 'publication:bascule']);
    expect((await outState(out)).kind).toBe('managed-link');
    expect(readdirSync(out).sort()).toEqual(['a.txt', 'manifest.json', 'sub']);
    expect(cleanup.kept).toEqual([]);
    expect(siblings(out)).toHaveLength(1);
  });

  it('never removes a replaced folder that holds a file its manifest does not list with the same bytes', async () => {
    for (const [name, change] of [
      ['a note of the user', (dir: string) => writeFileSync(path.join(dir, 'notes.txt'), 'mes notes')],
      ['a published file edited, same size', (dir: string) => writeFileSync(path.join(dir, 'a.txt'), 'ANCIEN')],
      ['a file in a sub-folder', (dir: string) => writeFileSync(path.join(dir, 'sub', 'c.txt'), '')],
      ['a link', (dir: string) => symlinkSync('/etc/hostname', path.join(dir, 'lien'))],
    ] as const) {
      const out = path.join(tempRoot(), 'reports');
      cpSync(stage(out, 'ancien'), out, { recursive: true });
      change(out);
      const { cleanup } = await publishFolder(stage(out, 'neuf'), out, stamp());
      expect(cleanup.kept.map((k) => k.foreign), name).toHaveLength(1);
      const kept = path.join(path.dirname(out), cleanup.kept[0]!.name);
      expect(readFileSync(path.join(kept, 'a.txt'), 'utf8').toLowerCase(), name).toBe('ancien');
      // Later runs keep it too.
      expect((await cleanLeftovers(out)).kept, name).toEqual(cleanup.kept);
    }
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
      symlinkSync('.reports.v-x', path.join(parent, `.reports.lien-${dead}`));
      // Names the tool gives its leftovers, but not what it leaves there: kept.
      mkdirSync(path.join(parent, `.reports.old-${dead}`));
      writeFileSync(path.join(parent, `.reports.old-${dead}`, 'sauvegarde.txt'), 'à moi');
      writeFileSync(path.join(parent, `.reports.lien-${dead + 1}`), 'pas un lien');
      writeFileSync(path.join(parent, `.reports.lock.${dead}`), '');
      const { removed } = await cleanLeftovers(out);
      expect(removed.sort()).toEqual([`.reports.lien-${dead}`, `.reports.lock.${dead}`, `.reports.tmp-${dead}`, `.reports.v-20200101T000000Z-ab-${dead}`].sort());
      expect(siblings(out).sort()).toEqual([readlinkSync(out), `.reports.lien-${dead + 1}`, `.reports.old-${dead}`, `.reports.tmp-${live.pid}`].sort());
    } finally {
      live.kill('SIGKILL');
    }
  });

  it('removes a replaced version without comparing the files it shares with the published one, kept whole for a file of its own', async () => {
    const out = path.join(tempRoot(), 'reports');
    await publishFolder(stage(out, 'un'), out, stamp());
    /** The next run's staging: a.txt taken from the published version by hard link (as a reuse does), sub/b.txt written again. */
    const reusing = () => {
      const from = path.join(path.dirname(out), readlinkSync(out));
      const dir = stage(out, 'un');
      rmSync(path.join(dir, 'a.txt'));
      linkSync(path.join(from, 'a.txt'), path.join(dir, 'a.txt'));
      return from;
    };
    reusing();
    await publishFolder(stagingName(out, process.pid), out, stamp());
    // Edited through the published name: the replaced version's a.txt is that very file, so its bytes no
    // longer match its manifest, yet removing that name loses nothing: the edit stays published.
    writeFileSync(path.join(out, 'a.txt'), 'annoté');
    expect(await cleanLeftovers(out)).toEqual({ removed: [], kept: [] });
    expect(siblings(out)).toEqual([readlinkSync(out)]);
    expect(readFileSync(path.join(out, 'a.txt'), 'utf8')).toBe('annoté');
    // A file of the replaced version's own keeps it whole, shared files or not: a note, or a file made again and edited.
    for (const [name, change] of [
      ['a note of the user', (dir: string) => writeFileSync(path.join(dir, 'notes.txt'), 'mes notes')],
      ['its own sub/b.txt edited', (dir: string) => writeFileSync(path.join(dir, 'sub', 'b.txt'), 'UN')],
    ] as const) {
      writeFileSync(path.join(out, 'a.txt'), 'un');
      const replaced = reusing();
      change(replaced);
      const { cleanup } = await publishFolder(stagingName(out, process.pid), out, stamp());
      expect(cleanup.kept, name).toEqual([]);
      const kept = await cleanLeftovers(out);
      expect(kept.kept.map((k) => path.join(path.dirname(out), k.name)), name).toEqual([replaced]);
      expect(kept.kept[0]!.foreign, name).toHaveLength(1);
      rmSync(path.join(path.dirname(out), kept.kept[0]!.name), { recursive: true });
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

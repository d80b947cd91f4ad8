// Mis-decoding through the command line: a stray byte in the registry is
// located, a side file may declare the encoding, mojibake is a warning.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';
import { msg } from '../../lib/messages/index.ts';
import { copySources, tempRoot } from '../pipeline/fixture-runs.ts';

const LIMIT = { timeoutMs: 60_000 };

describe('decoding the sources, through the command line', () => {
  it('a stray Latin-1 byte in the UTF-8 registry: exit 1 at that byte, not a complaint about a name', async () => {
    const root = tempRoot();
    const sources = copySources(root, 'sources');
    const registry = path.join(sources, 'referentiel/quartiers.csv');
    const text = readFileSync(registry, 'utf8');
    const at = Buffer.byteLength(text.slice(0, text.indexOf('Gambetta')));
    const bytes = Buffer.from(text, 'utf8');
    writeFileSync(registry, Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at)]));
    const out = path.join(root, 'reports');
    const r = await runCli(['run', '--sources', sources, '--out', out, '--formats', 'csv'], LIMIT);
    expect(r.code, r.stderr).toBe(1);
    const line = text.slice(0, text.indexOf('Gambetta')).split('\n');
    expect(r.stderr).toContain(msg.invalidUtf8('referentiel/quartiers.csv', line.length, [...line[line.length - 1]!].length + 1, 'E9 47 61 6D', text.split('\n')[line.length - 1]!.replace('Gambetta', '\ufffdGambetta')));
    expect(existsSync(out)).toBe(false);
  });

  it('a side file declares the encoding: utf-8 holds a Windows-1252 export to UTF-8, windows-1252 reads it', async () => {
    const root = tempRoot();
    const sources = copySources(root, 'sources');
    const sigville = path.join(sources, 'sigville/sigville_2022_cabbalr.csv');
    const side = path.join(sources, 'sigville/sigville_2022_cabbalr.encodage');
    const out = path.join(root, 'reports');
    writeFileSync(side, 'utf-8\n');
    const utf8 = await runCli(['run', '--sources', sources, '--out', out, '--formats', 'csv'], LIMIT);
    expect(utf8.code, utf8.stderr).toBe(1);
    expect(utf8.stderr).toMatch(/sigville\/sigville_2022_cabbalr\.csv:\d+, colonne \d+ : octets invalides en UTF-8 \([0-9A-F ]+\)/);
    writeFileSync(side, 'Windows-1252\n');
    const cp1252 = await runCli(['run', '--sources', sources, '--out', out, '--formats', 'csv'], LIMIT);
    expect(cp1252.code, cp1252.stderr).toBe(0);
    writeFileSync(side, 'klingon\n');
    const unknown = await runCli(['run', '--sources', sources, '--out', out, '--formats', 'csv'], LIMIT);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(msg.badSidecarEncoding('sigville/sigville_2022_cabbalr.encodage', 'klingon'));
    expect(readFileSync(sigville).length).toBeGreaterThan(0);
  });

  it('text that was mis-decoded upstream (« Ã© », « â€™ ») is published with a warning naming file and line', async () => {
    const root = tempRoot();
    const sources = copySources(root, 'sources');
    const notes = path.join(sources, 'convention/portraits_qualitatifs.csv');
    const lines = readFileSync(notes, 'utf8').split('\n');
    lines[2] = lines[2]!.replace('précarité', 'prÃ©caritÃ©');
    writeFileSync(notes, lines.join('\n'));
    const r = await runCli(['run', '--sources', sources, '--out', path.join(root, 'reports'), '--formats', 'csv'], LIMIT);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(msg.warningPrefix + msg.mojibake('convention/portraits_qualitatifs.csv', 3, lines[2]!.slice(0, lines[2]!.indexOf('Ã©') + 40)));
  });
});

// `quartiers run` end to end on the bundled sources, in a child process.

import { mkdtempSync, readFileSync, readdirSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.ts';

describe('quartiers run on the bundled sources', () => {
  it('publishes the tidy table, the portraits and a manifest, and says so in French', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'quartiers-')), 'reports');
    const r = await runCli(['run', '--out', out, '--formats', 'csv,md']);
    expect(r.stderr).toMatch(/^Terminé : 2 quartiers, [\d\u202f]+ valeurs, [\d\u202f]+ fichiers publiés/m);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(readdirSync(path.join(out, 'portraits')).sort()).toEqual(['QIC-62555-01.md', 'QN06205M.md']);
    const csv = readFileSync(path.join(out, 'indicateurs.csv'), 'utf8');
    expect(csv.split('\r\n')[0]).toMatch(/^quartier_code,quartier_code_2015,quartier,statut,indicateur,annee,valeur,borne,valeur_source,perimetre,source,reference,valeur_reference,ecart_points,ratio,indice,sens/);
    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8'));
    expect(manifest.outil.nom).toBe('quartiers');
    expect(manifest.sorties.map((s: { fichier: string }) => s.fichier)).toEqual(['indicateurs.csv', 'journal.txt', 'portraits/QIC-62555-01.md', 'portraits/QN06205M.md']);
    expect(existsSync(path.join(path.dirname(out), '.reports.lock'))).toBe(false);
  });

  it('answers --help and --version on stdout with status 0, and a bad option with status 2', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('quartiers run');
    const version = await runCli(['--version']);
    expect(version.stdout).toMatch(/^quartiers \d+\.\d+\.\d+\n$/);
    const bad = await runCli(['run', '--formats', 'pdf']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('format « pdf » inconnu');
  });
});

// The corpus of broken sources (test/fixtures/bad/<case>/): every case is
// refused with the French message that names the file, the line and the
// column when they mean something, and what was expected. All cases go
// through the folder scan and readSources; a representative subset goes
// through the real command line, with an existing reports folder that must
// stay byte for byte as it was.

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectSources } from '../../lib/ingest/read-sources.ts';
import { msg, where } from '../../lib/messages/index.ts';
import { scanSourcesDir } from '../../pipeline/read-sources-dir.ts';
import { fileEntry } from '../../pipeline/manifest.ts';
import { BUNDLED_SOURCES, REPO } from '../helpers/bundled.ts';
import { runCli } from '../helpers/cli.ts';

const CORPUS = path.join(REPO, 'test/fixtures/bad');
const EXPORT = 'donnees/export_2022.csv';
const anyCode = ["un code de quartier (QP…, QN…), de commune (5 caractères), d'EPCI (SIREN, 9 chiffres), de département ou « FRM »"];

interface Case {
  /** The messages expected, exactly: every error of the case. */
  expected: string[];
  /** What the test creates in the copied folder before reading it (links, pipes). */
  setup?: (sources: string) => void;
  /** Also run through the command line. */
  cli?: boolean;
  /** The case ships its whole referentiel (a missing file is the point). */
  ownReferentiel?: boolean;
}

const CASES: Record<string, Case> = {
  'guillemet-non-ferme': { expected: [msg.quoteNotClosed(EXPORT, 2, 2)], cli: true },
  'nombre-de-champs': { expected: [msg.fieldCount(EXPORT, 3, 4, 3)], cli: true },
  'lettre-o-dans-nombre': { expected: [msg.notANumber(EXPORT, 2, 'Taux de pauvreté (%)', '4O,2')], cli: true },
  'pourcentage-sup-100': { expected: [msg.percentOver100(EXPORT, 2, 'Taux de pauvreté (%)', '140,2')] },
  'population-negative': { expected: [msg.negativeValue(EXPORT, 2, 'Population municipale', '-2700')] },
  'colonnes-inconnues-seulement': { expected: [msg.unknownKind(EXPORT, ['code', 'Libellé', 'Nombre de pigeons', 'Taux de bonheur'])], cli: true },
  'fichier-vide': { expected: [msg.emptyFile(EXPORT)] },
  'en-tete-seul': { expected: [msg.headerOnly(EXPORT, 1)], cli: true },
  'fichier-binaire': { expected: [msg.binaryFile(EXPORT)] },
  'en-tete-duplique': { expected: [msg.duplicateHeader(EXPORT, 1, 'TP60', 2, 4)] },
  'deux-fichiers-en-conflit': {
    expected: [msg.conflict('taux_pauvrete', 'QP062005', 2022, where('insee/insee_2022.csv', 2, 'tp60'), '41,5', where('sigville/export_2022.csv', 2, 'Taux de pauvreté'), '40,2')],
    cli: true,
  },
  'conflit-dans-un-fichier': { expected: [msg.conflict('taux_pauvrete', 'QP062005', 2022, where(EXPORT, 2, 'tp60'), '40,2', where(EXPORT, 3, 'tp60'), '39')] },
  'utf16-sans-bom': { expected: [msg.unknownEncoding(EXPORT)], cli: true },
  'octets-aleatoires': { expected: [msg.binaryFile(EXPORT)] },
  'fichier-illisible': {
    expected: [msg.unreadableFile(EXPORT, msg.notAPlainFile())],
    setup: (s) => execFileSync('mkfifo', [path.join(s, EXPORT)]),
    cli: true,
  },
  'lien-casse': {
    expected: [msg.unreadableFile(EXPORT, msg.danglingLink())],
    setup: (s) => symlinkSync(path.join(s, 'donnees/absent.csv'), path.join(s, EXPORT)),
  },
  'boucle-de-dossiers': {
    expected: [msg.symlinkLoop('donnees/retour')],
    setup: (s) => symlinkSync(s, path.join(s, 'donnees/retour')),
    cli: true,
  },
  'sans-annee': { expected: [msg.noYear('donnees/export_quartiers.csv')], cli: true },
  'annee-illisible': { expected: [msg.badYear('donnees/panel.csv', 3, 'annee', '20l9')] },
  'code-vide': { expected: [msg.noCode(EXPORT, 3, 'code')] },
  'code-inconnu': { expected: [msg.badEnum(EXPORT, 2, 'code', 'Marles', anyCode)] },
  'fichier-annee-invalide': { expected: [msg.badSidecarYear('donnees/rpls_qpv.annee', 'deux mille vingt-deux'), msg.noYear('donnees/rpls_qpv.csv')] },
  'colonne-sans-nom': { expected: [msg.emptyHeaderCell(EXPORT, 1, 2)] },
  'prefecture-indicateur-inconnu': { expected: [msg.unknownIndicator('prefecture/prefecture_2024.csv', 2, 'Indicateur', 'Nombre de pigeons')] },
  'prefecture-quartier-inconnu': { expected: [msg.unknownQuartierName('prefecture/prefecture_2024.csv', 2, 'Quartier', 'Cité des Oiseaux')] },
  'ips-uai-invalide': { expected: [msg.badUai('education/ips_colleges_2022.csv', 3, 'UAI', '62O068M')], cli: true },
  'ips-hors-bornes': { expected: [msg.outOfRange('education/ips_colleges_2022.csv', 2, 'IPS', '847', 0, 300)] },
  'ips-etablissement-en-double': { expected: [msg.duplicateSchool('education/ips_colleges_2022.csv', 3, '0620068M', 2)] },
  'guillemet-mal-place': { expected: [msg.badClosingQuote(EXPORT, 2)] },
  'nombre-en-lettres-windows-1252': { expected: [msg.notANumber(EXPORT, 2, 'Taux de pauvreté (%)', 'quarante-deux €')] },
  'priorites-rang-invalide': { expected: [msg.badEnum('referentiel/priorites.csv', 2, 'rang', 'premier', ["un rang entier à partir de 1 (1 l'emporte)"])] },
  'correspondance-code-invalide': {
    expected: [msg.badEnum('referentiel/correspondance.csv', 2, 'qp2015_1', 'QP62005', ['un code de quartier 2015 (QP suivi de six caractères) ou une cellule vide'])],
  },
  'sans-catalogue': { expected: [msg.missingCatalogue()], ownReferentiel: true },
  'catalogue-unite-inconnue': { expected: [msg.badEnum('referentiel/indicateurs.csv', 4, 'unite', 'pourcents', ['pct', 'habitants', 'hectares', 'indice', 'euros', 'nombre'])] },
  'referentiel-statut-inconnu': { expected: [msg.badEnum('referentiel/quartiers.csv', 3, 'statut', 'QPVV', ['QPV', 'QIC'])] },
};

/** A sources folder for the case: its files, and the bundled registry and catalogue where it has none. */
function prepare(name: string): { root: string; sources: string } {
  const root = mkdtempSync(path.join(tmpdir(), `quartiers-bad-${name}-`));
  const sources = path.join(root, 'sources');
  cpSync(path.join(CORPUS, name), sources, { recursive: true });
  if (!CASES[name]!.ownReferentiel) {
    mkdirSync(path.join(sources, 'referentiel'), { recursive: true });
    for (const f of ['quartiers.csv', 'indicateurs.csv']) {
      if (!existsSync(path.join(sources, 'referentiel', f))) cpSync(path.join(BUNDLED_SOURCES, 'referentiel', f), path.join(sources, 'referentiel', f));
    }
  }
  CASES[name]!.setup?.(sources);
  return { root, sources };
}

async function errorsOf(sources: string): Promise<string[]> {
  const scan = await scanSourcesDir(sources);
  return collectSources(scan.files, scan.errors).errors.map((e) => e.message);
}

/** Every file of a folder with its sha256, to prove it untouched. */
function fingerprint(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[path.relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex') + ` ${statSync(p).mtimeMs}`;
    }
  };
  walk(dir);
  return out;
}

describe('the corpus of broken sources', () => {
  it('has at least 30 cases, each with its expectation', () => {
    const onDisk = readdirSync(CORPUS).sort();
    expect(onDisk.length).toBeGreaterThanOrEqual(30);
    expect(onDisk).toEqual(Object.keys(CASES).sort());
  });

  it.each(Object.keys(CASES))('%s is refused with its message', async (name) => {
    const { sources } = prepare(name);
    expect(await errorsOf(sources)).toEqual(CASES[name]!.expected);
  });

  const cliCases = Object.keys(CASES).filter((n) => CASES[n]!.cli);
  it(`through the command line (${cliCases.length} cases): exit 1, the message on stderr, reports untouched`, async () => {
    expect(cliCases.length).toBeGreaterThanOrEqual(10);
    const batch = 4;
    for (let i = 0; i < cliCases.length; i += batch) {
      await Promise.all(
        cliCases.slice(i, i + batch).map(async (name) => {
          const { root, sources } = prepare(name);
          const reports = path.join(root, 'reports');
          mkdirSync(path.join(reports, 'portraits'), { recursive: true });
          // A previous publication: its manifest lists each file with its sha256.
          const previous = { 'sentinelle.txt': `rapport précédent de ${name}\n`, 'portraits/QN06205M.md': '# Portrait précédent\n' };
          for (const [f, text] of Object.entries(previous)) writeFileSync(path.join(reports, f), text);
          const sorties = Object.entries(previous).map(([f, text]) => fileEntry(f, Buffer.from(text)));
          writeFileSync(path.join(reports, 'manifest.json'), JSON.stringify({ outil: { nom: 'quartiers' }, entrees: [], sorties }) + '\n');
          const before = fingerprint(reports);
          const r = await runCli(['run', '--sources', sources, '--out', reports, '--formats', 'csv,md']);
          expect(r.code, `${name}\n${r.stderr}`).toBe(1);
          for (const m of CASES[name]!.expected) expect(r.stderr).toContain(msg.errorPrefix + m);
          expect(r.stdout).toBe('');
          expect(fingerprint(reports)).toEqual(before);
          expect(readdirSync(root).sort()).toEqual(['reports', 'sources']);
        }),
      );
    }
  });

  it('quartiers validate reports the same errors with exit 1', async () => {
    const { sources } = prepare('deux-fichiers-en-conflit');
    const r = await runCli(['validate', '--sources', sources]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(msg.reportTitle(sources));
    expect(r.stderr).toContain(msg.errorPrefix + CASES['deux-fichiers-en-conflit']!.expected[0]);
  });
});

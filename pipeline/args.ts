// argv → typed options, with French usage errors.

import { UsageError } from '../lib/errors.ts';
import { msg } from '../lib/messages/index.ts';

export const FORMATS = ['csv', 'md', 'svg', 'png', 'xlsx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RunOptions {
  command: 'run' | 'validate' | 'verify' | 'help' | 'version';
  sources: string;
  out: string;
  year?: number;
  quartiers?: string[];
  formats: Set<Format>;
  ifChanged: boolean;
  log: 'texte' | 'json';
  quiet: boolean;
  debug: boolean;
  /** `--attendre[=SECONDES]`: wait for another run to finish, up to this many seconds (0: do not wait). */
  waitSeconds: number;
}

/** How long `--attendre` waits at most when no duration is given. */
export const DEFAULT_WAIT_SECONDS = 600;

const VALUE_OPTIONS = new Set(['--sources', '--out', '--annee', '--quartier', '--formats', '--log']);

export function parseArgs(argv: string[]): RunOptions {
  const opts: RunOptions = {
    command: 'run', sources: 'sources', out: 'reports', formats: new Set(FORMATS), ifChanged: false, log: 'texte', quiet: false, debug: false, waitSeconds: 0,
  };
  let command: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    let arg = argv[i]!;
    let value: string | undefined;
    const eq = arg.indexOf('=');
    if (arg.startsWith('--') && eq > 0) {
      value = arg.slice(eq + 1);
      arg = arg.slice(0, eq);
    }
    if (VALUE_OPTIONS.has(arg) && value === undefined) {
      value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(msg.missingOptionValue(arg));
    }
    switch (arg) {
      case '--help':
      case '-h':
        opts.command = 'help';
        return opts;
      case '--version':
      case '-v':
        opts.command = 'version';
        return opts;
      case '--sources':
        opts.sources = value!;
        break;
      case '--out':
        opts.out = value!;
        break;
      case '--annee':
        if (!/^\d{4}$/.test(value!)) throw new UsageError(msg.badYearOption(value!));
        opts.year = Number(value);
        break;
      case '--quartier':
        opts.quartiers = value!.split(',').map((s) => s.trim()).filter(Boolean);
        break;
      case '--formats': {
        const list = value!.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
        for (const f of list) if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(msg.badFormat(f, [...FORMATS]));
        opts.formats = new Set(list as Format[]);
        break;
      }
      case '--log':
        if (value !== 'texte' && value !== 'json' && value !== 'text') throw new UsageError(msg.badLog(value!));
        opts.log = value === 'json' ? 'json' : 'texte';
        break;
      case '--if-changed':
        opts.ifChanged = true;
        break;
      case '--quiet':
      case '-q':
        opts.quiet = true;
        break;
      case '--debug':
        opts.debug = true;
        break;
      case '--attendre':
        if (value !== undefined && !/^\d+$/.test(value)) throw new UsageError(msg.badWait(value));
        opts.waitSeconds = value === undefined ? DEFAULT_WAIT_SECONDS : Number(value);
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(msg.unknownOption(arg));
        if (command !== undefined) throw new UsageError(msg.unknownCommand(arg));
        command = arg;
    }
  }
  if (command === undefined || command === 'run') opts.command = 'run';
  else if (command === 'validate') opts.command = 'validate';
  else if (command === 'verifier' || command === 'verify') opts.command = 'verify';
  else if (command === 'help') opts.command = 'help';
  else throw new UsageError(msg.unknownCommand(command));
  return opts;
}

export const HELP = `quartiers — indicateurs de la politique de la ville

Usage :
  quartiers run      [--sources DOSSIER] [--out DOSSIER] [--annee AAAA] [--quartier CODE[,CODE...]]
                     [--formats csv,md,svg,png,xlsx,html] [--if-changed] [--attendre[=SECONDES]]
                     [--log texte|json] [--quiet] [--debug]
  quartiers validate [--sources DOSSIER]
  quartiers verifier [--out DOSSIER]
  quartiers --help | --version

Par défaut : --sources sources, --out reports, tous les formats, la dernière année présente.
--if-changed : ne refait rien si les sources, les options et la version sont celles de la dernière publication.
--attendre : si un autre traitement occupe le dossier de sortie, attendre sa fin (au plus 600 s, ou SECONDES).
verifier : contrôle chaque fichier publié contre les empreintes de manifest.json.

Codes de sortie : 0 terminé (avertissements possibles), 1 données invalides (rien n'est publié),
2 erreur d'utilisation ou dossier de sortie impossible à écrire, 3 un autre traitement occupe le dossier
de sortie, 130/143 interrompu (SIGINT/SIGTERM) : rien n'est publié.
`;

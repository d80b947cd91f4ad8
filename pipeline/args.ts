// argv → typed options, with French usage errors.

import { UsageError } from '../lib/errors.ts';
import { msg } from '../lib/messages/index.ts';
import type { HelpTopic } from '../lib/messages/help.ts';
import { nearestWord } from '../lib/text/nearest-word.ts';

export const FORMATS = ['csv', 'md', 'svg', 'png', 'xlsx', 'html'] as const;
export type Format = (typeof FORMATS)[number];

export interface RunOptions {
  command: 'run' | 'validate' | 'verify' | 'help' | 'version';
  /** With `command: 'help'`: the general help, or that of one command. */
  helpTopic?: HelpTopic;
  sources: string;
  out: string;
  year?: number;
  quartiers?: string[];
  formats: Set<Format>;
  ifChanged: boolean;
  /** `--tout-refaire`: render every file again instead of reusing the previous publication's. */
  rebuild: boolean;
  log: 'texte' | 'json';
  quiet: boolean;
  debug: boolean;
  /** `--attendre[=SECONDES]`: wait for another run to finish, up to this many seconds (0: do not wait). */
  waitSeconds: number;
  /** `--tous-les-quartiers`: publish every quartier found, not only the registry's. */
  allQuartiers: boolean;
}

/** How long `--attendre` waits at most when no duration is given. */
export const DEFAULT_WAIT_SECONDS = 600;

const VALUE_OPTIONS = new Set(['--sources', '--out', '--annee', '--quartier', '--formats', '--log']);
const FLAG_OPTIONS = ['--if-changed', '--tout-refaire', '--attendre', '--tous-les-quartiers', '--quiet', '--debug', '--help', '--version'];
/** Every option of the command line (the help describes each, a usage error suggests the nearest). */
export const OPTIONS: readonly string[] = [...VALUE_OPTIONS, ...FLAG_OPTIONS];
const COMMANDS: Record<string, HelpTopic> = { run: 'run', validate: 'validate', verifier: 'verify', verify: 'verify' };

/** The command named among the arguments (the first word that is neither an option nor an option's value). */
function commandWord(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-')) return a;
  }
  return undefined;
}

function unknownCommand(word: string): UsageError {
  return new UsageError(msg.unknownCommand(word, nearestWord(word, ['run', 'validate', 'verifier', 'help'])));
}

export function parseArgs(argv: string[]): RunOptions {
  const opts: RunOptions = {
    command: 'run', sources: 'sources', out: 'reports', formats: new Set(FORMATS), ifChanged: false, rebuild: false, log: 'texte', quiet: false, debug: false, waitSeconds: 0, allQuartiers: false,
  };
  // A command's name alone shows what it does; so does --help anywhere.
  if (argv.length === 0) return { ...opts, command: 'help', helpTopic: 'general' };
  if (argv.includes('--help') || argv.includes('-h')) {
    const word = commandWord(argv);
    if (word !== undefined && word !== 'help' && !(word in COMMANDS)) throw unknownCommand(word);
    return { ...opts, command: 'help', helpTopic: word === undefined || word === 'help' ? 'general' : COMMANDS[word] };
  }
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
        for (const f of list) if (!(FORMATS as readonly string[]).includes(f)) throw new UsageError(msg.badFormat(f, [...FORMATS], nearestWord(f, FORMATS)));
        opts.formats = new Set(list as Format[]);
        break;
      }
      case '--log':
        if (value !== 'texte' && value !== 'json' && value !== 'text') throw new UsageError(msg.badLog(value!, nearestWord(value!, ['texte', 'json'])));
        opts.log = value === 'json' ? 'json' : 'texte';
        break;
      case '--if-changed':
        opts.ifChanged = true;
        break;
      case '--tout-refaire':
        opts.rebuild = true;
        break;
      case '--quiet':
      case '-q':
        opts.quiet = true;
        break;
      case '--tous-les-quartiers':
        opts.allQuartiers = true;
        break;
      case '--debug':
        opts.debug = true;
        break;
      case '--attendre':
        if (value !== undefined && !/^\d+$/.test(value)) throw new UsageError(msg.badWait(value));
        opts.waitSeconds = value === undefined ? DEFAULT_WAIT_SECONDS : Number(value);
        break;
      default:
        if (arg.startsWith('-')) throw new UsageError(msg.unknownOption(arg, nearestWord(arg, [...VALUE_OPTIONS, ...FLAG_OPTIONS])));
        if (command === 'help' && arg in COMMANDS) return { ...opts, command: 'help', helpTopic: COMMANDS[arg] };
        if (command !== undefined) throw new UsageError(msg.unexpectedArgument(arg, command));
        command = arg;
    }
  }
  if (command === undefined || command === 'run') opts.command = 'run';
  else if (command === 'validate') opts.command = 'validate';
  else if (command === 'verifier' || command === 'verify') opts.command = 'verify';
  else if (command === 'help') return { ...opts, command: 'help', helpTopic: 'general' };
  else throw unknownCommand(command);
  return opts;
}

/**
 * The `--quartier` codes as the sources write them: matched without regard
 * to case; an unknown code is a usage error naming the nearest known code.
 */
export function resolveQuartierCodes(asked: readonly string[], known: Iterable<string>): string[] {
  const byUpper = new Map<string, string>();
  for (const code of known) if (code && !byUpper.has(code.toUpperCase())) byUpper.set(code.toUpperCase(), code);
  return asked.map((code) => {
    const found = byUpper.get(code.toUpperCase());
    if (found === undefined) throw new UsageError(msg.unknownQuartierOption(code, nearestWord(code, byUpper.values())));
    return found;
  });
}

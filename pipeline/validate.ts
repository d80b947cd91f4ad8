// `quartiers validate`: reads every source and prints a French data-quality
// report on stderr; exit 0 when the sources can be published, 1 otherwise
// (the errors themselves are printed by the CLI's one catch).

import { DataError, DataErrors, UsageError } from '../lib/errors.ts';
import { msg } from '../lib/messages/index.ts';
import { collectSources } from '../lib/ingest/read-sources.ts';
import { qualityReport } from '../lib/ingest/quality-report.ts';
import { decideScope } from '../lib/ingest/scope.ts';
import type { RunOptions } from './args.ts';
import type { RunEffects } from './run.ts';
import { scanSourcesDir } from './read-sources-dir.ts';

export async function validateCommand(opts: RunOptions, fx: RunEffects): Promise<number> {
  const scan = await scanSourcesDir(opts.sources);
  if (scan.files.length === 0 && scan.errors.length === 0) throw new UsageError(msg.noSources(opts.sources));
  const collection = collectSources(scan.files, scan.errors, { keepAllTerritories: opts.allQuartiers });
  collection.sources.warnings.unshift(...scan.warnings);
  // The same scope as `run`: its warnings are those that concern what would be published.
  const scope = decideScope(collection.sources, { all: opts.allQuartiers });
  collection.sources.warnings = scope.warnings;
  const [title, ...report] = qualityReport(collection, opts.sources);
  fx.log.info(title!, { event: 'controle' });
  for (const note of scope.notes) fx.log.info(note, { event: 'perimetre', mode: scope.mode, contexte: scope.contextQuartiers });
  for (const line of report) fx.log.info(line, { event: 'controle' });
  const errors: DataError[] = collection.errors;
  if (errors.length) throw new DataErrors(errors);
  return 0;
}

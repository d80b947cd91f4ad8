// `quartiers validate`: reads every source and prints a French data-quality
// report; exit 0 when the sources can be published, 1 otherwise.

import { msg } from '../lib/messages/index.ts';
import type { RunOptions } from './args.ts';
import { loadSources, type RunEffects } from './run.ts';

export async function validateCommand(opts: RunOptions, fx: RunEffects): Promise<number> {
  const sources = await loadSources(opts.sources, fx.log);
  for (const f of sources.files) {
    fx.log.info(`  ${f.file} : ${f.kindLabel}${f.producer ? ` (${f.producer} ${f.vintage})` : ''}, ${f.rows} ${f.delimiter ? 'lignes' : 'entités'}, ${f.figures} valeurs, ${f.encoding}${f.delimiter ? `, séparateur ${f.delimiter}` : ''}`);
  }
  for (const w of sources.warnings) fx.log.warn(msg.warningPrefix + w.message, { event: 'avertissement', code: w.code });
  fx.log.info(msg.validateSummary(sources.files.length, sources.figures.length, sources.warnings.length));
  return 0;
}


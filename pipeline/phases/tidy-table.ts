import { tidyCsvChunks } from '../../lib/render/table/tidy-csv.ts';
import { changesCsv } from '../../lib/report/compare-runs.ts';
import { CHANGES_FILE } from '../changes-since.ts';
import type { OutputPhase } from './phase.ts';

/** indicateurs.csv, and changements.csv when there is a previous publication to compare with. */
export const tidyTablePhase: OutputPhase = {
  name: 'tableau',
  formats: ['csv'],
  async run(model, out) {
    await out.write('indicateurs.csv', { chunks: tidyCsvChunks(model.rows) });
    if (!model.changes) return { count: 1 };
    await out.write(CHANGES_FILE, changesCsv(model.changes));
    return { count: 2 };
  },
};

import { tidyCsvChunks } from '../../lib/render/table/tidy-csv.ts';
import type { OutputPhase } from './phase.ts';

export const tidyTablePhase: OutputPhase = {
  name: 'tableau',
  formats: ['csv'],
  async run(model, out) {
    await out.write('indicateurs.csv', { chunks: tidyCsvChunks(model.rows) });
    return { count: 1 };
  },
};

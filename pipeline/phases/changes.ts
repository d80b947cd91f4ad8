import { changesCsv } from '../../lib/report/compare-runs.ts';
import { CHANGES_FILE } from '../changes-since.ts';
import type { OutputPhase } from './phase.ts';

/** `changements.csv`, when there is a previous publication to compare with. */
export const changesPhase: OutputPhase = {
  name: 'changements',
  formats: ['csv'],
  async run(model, out) {
    if (!model.changes) return { count: 0 };
    await out.write(CHANGES_FILE, changesCsv(model.changes));
    return { count: 1 };
  },
};

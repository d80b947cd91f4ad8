// A phase of output: takes the report model, writes files through the writer.

import type { ReportModel } from '../../lib/report/model.ts';
import type { Format } from '../args.ts';
import type { Logger } from '../log.ts';
import type { OutputWriter } from '../output-writer.ts';

export interface PhaseEffects {
  log: Logger;
  /** Monotonic milliseconds, for timings. */
  clock: () => number;
  /** Called between units of work so that a signal can stop the run. */
  checkpoint: () => void;
}

export interface OutputPhase {
  name: string;
  /** Runs when any of these formats is asked for. */
  formats: Format[];
  run(model: ReportModel, out: OutputWriter, formats: Set<Format>, effects: PhaseEffects): Promise<{ count: number }>;
}

// A phase of output: takes the report model, writes files through the writer.

import type { ReportModel } from '../../lib/report/model.ts';
import type { Format } from '../args.ts';
import type { Logger } from '../log.ts';
import type { OutputWriter } from '../output-writer.ts';
import type { ChartReadiness } from '../chart-readiness.ts';

export interface PhaseEffects {
  log: Logger;
  /** Monotonic milliseconds, for timings. */
  clock: () => number;
  /** Called between units of work so that a signal can stop the run. */
  checkpoint: () => void;
  /** Present when the charts and the workbooks phases run together: the charts written so far. */
  charts?: ChartReadiness;
  /** How many files the phase will write, once it knows: the progress then shows a total, a percentage and the time left. */
  planned?: (files: number) => void;
}

export interface OutputPhase {
  name: string;
  /** Runs when any of these formats is asked for. */
  formats: Format[];
  /** Starts together with the phase of this name when both run (it waits on its own for what it needs). */
  alongside?: string;
  /** Draws on worker threads for long: the main thread's garbage is collected before it starts (see pipeline/heap.ts). */
  usesWorkers?: boolean;
  run(model: ReportModel, out: OutputWriter, formats: Set<Format>, effects: PhaseEffects): Promise<{ count: number }>;
}

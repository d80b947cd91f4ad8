// The output phases, in the order they run.

import type { OutputPhase } from './phase.ts';
import { tidyTablePhase } from './tidy-table.ts';
import { portraitsPhase } from './portraits.ts';
import { chartsPhase } from './charts.ts';

export const PHASES: OutputPhase[] = [tidyTablePhase, portraitsPhase, chartsPhase];

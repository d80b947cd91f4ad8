// The output phases, in the order they run: a phase may read what an earlier
// one wrote (workbooks embed chart and map PNGs, the HTML report links everything).

import type { OutputPhase } from './phase.ts';
import { tidyTablePhase } from './tidy-table.ts';
import { portraitsPhase } from './portraits.ts';
import { chartsPhase } from './charts.ts';
import { mapsPhase } from './maps.ts';
import { workbooksPhase } from './workbooks.ts';
import { htmlPhase } from './html.ts';

export const PHASES: OutputPhase[] = [tidyTablePhase, portraitsPhase, chartsPhase, mapsPhase, workbooksPhase, htmlPhase];

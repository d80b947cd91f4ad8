// The output phases, in the order they run: a phase may read what an earlier
// one wrote (workbooks embed map PNGs, the HTML report links everything). The
// workbooks run alongside the charts and wait for each quartier's PNGs.

import type { OutputPhase } from './phase.ts';
import { tidyTablePhase } from './tidy-table.ts';
import { portraitsPhase } from './portraits.ts';
import { chartsPhase } from './charts.ts';
import { mapsPhase } from './maps.ts';
import { workbooksPhase } from './workbooks.ts';
import { htmlPhase } from './html.ts';

export const PHASES: OutputPhase[] = [tidyTablePhase, portraitsPhase, mapsPhase, chartsPhase, workbooksPhase, htmlPhase];

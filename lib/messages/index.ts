// Every user-facing sentence is built here, one module per area, so that
// tests can compare with the same builders.

import { ingest } from './ingest.ts';
import { cli, runMessages } from './cli.ts';
import { measures } from './measures.ts';
import { charts } from './charts.ts';
import { maps } from './maps.ts';
import { htmlMessages } from './html.ts';
import { workbookMessages } from './workbook.ts';
import { outputSafety } from './output-safety.ts';
import { decoding } from './decoding.ts';

export { where, frenchList, plural, examples } from './place.ts';

export const msg = { ...ingest, ...cli, ...runMessages, ...measures, ...charts, ...maps, ...workbookMessages, ...htmlMessages, ...outputSafety, ...decoding };

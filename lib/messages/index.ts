// Every user-facing sentence is built here, one module per area, so that
// tests can compare with the same builders.

import { ingest } from './ingest.ts';
import { cli, runMessages } from './cli.ts';
import { charts } from './charts.ts';

export { where, frenchList, plural } from './place.ts';

export const msg = { ...ingest, ...cli, ...runMessages, ...charts };

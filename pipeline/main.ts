// Runs the command line from the TypeScript sources, for development:
// `npm run dev -- run --sources …` (the `quartiers` command runs dist/).

import { main } from './cli.ts';

process.exitCode = await main(process.argv.slice(2));

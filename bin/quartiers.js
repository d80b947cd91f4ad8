#!/usr/bin/env node
// Entry point: runs the built command line (dist/, made by `npm run build`,
// which `npm ci` runs through `prepare`). Development on the TypeScript
// sources is explicit: `npm run dev -- run …` (tsx pipeline/main.ts).
import { existsSync } from 'node:fs';

const bundle = new URL('../dist/cli.js', import.meta.url);
if (existsSync(bundle)) {
  const { main } = await import(bundle.href);
  process.exitCode = await main(process.argv.slice(2));
} else {
  // Before the CLI is loaded there is no lib/messages: the one sentence said here.
  process.stderr.write('Erreur : la version compilée de l’outil (dist/) est absente : lancez « npm run build » (ou « npm ci »).\n');
  process.exitCode = 2;
}

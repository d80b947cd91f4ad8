#!/usr/bin/env node
// Entry point. Runs the bundled CLI (dist/, built by `npm run build`, which
// `npm ci` runs through `prepare`) when it is newer than every TypeScript
// source; otherwise registers the TypeScript loader and runs the sources, so
// that an edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = `${root}dist/cli.js`;

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = `${dir}/${entry.name}`;
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|mjs|json)$/.test(entry.name)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

function bundleIsFresh() {
  if (process.env.QUARTIERS_SOURCES === '1' || !existsSync(bundle)) return false;
  const built = statSync(bundle).mtimeMs;
  return built >= Math.max(newestSource(`${root}lib`), newestSource(`${root}pipeline`), statSync(`${root}package.json`).mtimeMs);
}

let main;
if (bundleIsFresh()) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../pipeline/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));

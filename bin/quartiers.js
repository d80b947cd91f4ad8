#!/usr/bin/env node
// Entry point. Runs the bundled CLI (dist/, built by `npm run build`, which
// `npm ci` runs through `prepare`) when it is newer than every TypeScript
// source; otherwise registers the TypeScript loader and runs the sources, so
// that an edited checkout never runs stale code.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// resvg (the PNG renderer) allocates with mimalloc, which by default hands
// freed pages back to the system 10 ms after they are freed: each chart's
// pixel buffers then came back as fresh pages to be zeroed again. Kept for
// 250 ms, they are reused by the next chart. 200-quartier set, all formats:
// 3.9 million page faults and 124 s CPU by default, 1.0 million and 105 s
// with 250 ms, for a peak RSS 5 to 10 % higher (1 005 → 1 067-1 121 MB).
// mimalloc reads this when resvg loads, after this line; a value set by the
// user wins (10 restores mimalloc's default).
process.env.MIMALLOC_PURGE_DELAY ??= '250';

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

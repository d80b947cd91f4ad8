// Once for the whole run: build the command line that users run (dist/, by
// `npm run build`), so that every test spawning `bin/quartiers.js` exercises
// the built code; then pin the world for every test process: UTC clock, no
// colour codes, and one temporary folder for the whole run. The test
// processes inherit TMPDIR, so every folder a test (or the pipeline under
// test) makes with os.tmpdir() lands in it, and it is removed when the run
// ends: a run used to leave a hundred folders in /tmp.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export default function setup(): () => void {
  const repo = fileURLToPath(new URL('..', import.meta.url));
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', 'build'], { cwd: repo, stdio: 'inherit' });
  process.env.TZ = 'UTC';
  process.env.NO_COLOR = '1';
  const root = mkdtempSync(path.join(tmpdir(), 'quartiers-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}

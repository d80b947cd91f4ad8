// Pin the world for every test process: UTC clock, no colour codes, and one
// temporary folder for the whole run. The test processes inherit TMPDIR, so
// every folder a test (or the pipeline under test) makes with os.tmpdir()
// lands in it, and it is removed when the run ends: a run used to leave a
// hundred folders in /tmp.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export default function setup(): () => void {
  process.env.TZ = 'UTC';
  process.env.NO_COLOR = '1';
  const root = mkdtempSync(path.join(tmpdir(), 'quartiers-tests-'));
  process.env.TMPDIR = root;
  return () => rmSync(root, { recursive: true, force: true });
}

// Prints ingest throughput on the real national files (not a test: a
// measurement). Run: npx tsx test/ingest/throughput.ts [repetitions]
// Reads ../shared/data/real/ relative to the repository root.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { realDataDir } from './real-data.ts';
import { collectSources, type SourceFile } from '../../lib/ingest/read-sources.ts';
import { decodeText } from '../../lib/ingest/decode.ts';
import { parseCsvTable } from '../../lib/ingest/csv-table.ts';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const found = realDataDir();
if (!found) {
  process.stderr.write('../shared/data/real absent: nothing to measure.\n');
  process.exit(0);
}
const real = found;
const reps = Number(process.argv[2] ?? 5);
// The bundled Filosofi slice: a folder needs figures, schools alone give none.
const reference = ['referentiel/quartiers.csv', 'referentiel/indicateurs.csv', 'insee/filosofi_qpv_QP062005_2012_2021.csv'].map((p) => ({ path: p, bytes: readFileSync(path.join(repo, 'sources', p)) }));

function measure(name: string, file: string, as = file): void {
  const bytes = readFileSync(path.join(real, file));
  const files: SourceFile[] = [...reference, { path: `reel/${as}`, bytes }];
  const mb = bytes.length / 1e6;
  const time = (fn: () => void) => {
    fn(); // warm-up
    const t = performance.now();
    for (let i = 0; i < reps; i++) fn();
    return (performance.now() - t) / reps / 1000;
  };
  let rows = 0;
  const parse = time(() => {
    rows = parseCsvTable(decodeText(bytes).text, file).rows.length;
  });
  let out = 0;
  const whole = time(() => {
    const c = collectSources(files);
    if (c.errors.length) throw new Error(c.errors.map((e) => e.message).join('\n'));
    out = c.sources.figures.length + c.sources.schools.length;
  });
  const fmt = (x: number) => x.toFixed(1);
  process.stdout.write(
    `${name}: ${fmt(mb)} MB, ${rows} rows -> ${out} figures/records | decode+parse ${fmt(parse * 1000)} ms (${fmt(mb / parse)} MB/s) | whole ingest ${fmt(whole * 1000)} ms (${fmt(mb / whole)} MB/s, ${Math.round(rows / whole)} rows/s)\n`,
  );
}

measure('IPS écoles 2021', 'ips_ecoles_2021.csv');
measure('Filosofi panel 2012-2021', 'filosofi_qpv_2012_2021.csv');
measure('RPLS 2022', 'rpls_qpv.csv', 'rpls_qpv_2022.csv');

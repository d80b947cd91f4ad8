// Building SourceFile lists for readSources in tests.

import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import type { SourceFile } from '../../lib/ingest/read-sources.ts';
import { BUNDLED_SOURCES, REPO } from '../helpers/bundled.ts';

export const REAL_FIXTURES = path.join(REPO, 'test/fixtures/real');

/** The bundled registry and catalogue (and, on request, the correspondence). */
export function referenceFiles(options: { correspondence?: boolean } = {}): SourceFile[] {
  const names = ['quartiers.csv', 'indicateurs.csv', ...(options.correspondence ? ['correspondance_qp2024_qp2015.csv'] : [])];
  return names.map((n) => ({ path: `referentiel/${n}`, bytes: readFileSync(path.join(BUNDLED_SOURCES, 'referentiel', n)) }));
}

export function textFile(p: string, text: string, encoding: 'utf8' | 'win1252' = 'utf8'): SourceFile {
  return { path: p, bytes: encoding === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, 'win1252') };
}

export function fixture(name: string, as = `reel/${name}`): SourceFile {
  return { path: as, bytes: readFileSync(path.join(REAL_FIXTURES, name)) };
}

export function allRealFixtures(): SourceFile[] {
  return readdirSync(REAL_FIXTURES).filter((n) => n.endsWith('.csv')).map((n) => fixture(n));
}

// The benchmark's generator: same seed, same bytes; and the real pipeline
// accepts what it writes (every file recognised, every quartier in the
// registry, an EPCI reference for every quartier figure).

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bundledCatalogue, generateNationalSources, loadRealTexts, typicalCommune } from '../../bench/generate.ts';
import { readSources } from '../../lib/ingest/read-sources.ts';
import { normalizeAgainstBaseline } from '../../lib/measures/baseline.ts';
import { createRandom } from '../../bench/prng.ts';

const texts = loadRealTexts();
const catalogue = bundledCatalogue();
const digest = (files: { path: string; bytes: Uint8Array }[]) => {
  const h = createHash('sha256');
  for (const f of files) h.update(f.path).update('\0').update(f.bytes).update('\0');
  return h.digest('hex');
};

describe('seeded random streams', () => {
  it('give the same numbers for the same seed and different ones for another seed', () => {
    const draw = (seed: string) => Array.from({ length: 5 }, createRandom(seed).next);
    expect(draw('a')).toEqual(draw('a'));
    expect(draw('a')).not.toEqual(draw('b'));
    for (const x of draw('c')) expect(x >= 0 && x < 1).toBe(true);
  });
});

describe('national sources generator', () => {
  const small = generateNationalSources({ texts, catalogue, maxQpv: 40 });

  it('writes the same bytes twice for the same seed, other bytes for another seed', () => {
    expect(digest(generateNationalSources({ texts, catalogue, maxQpv: 40 }).files)).toBe(digest(small.files));
    expect(digest(generateNationalSources({ texts, catalogue, maxQpv: 40, seed: 'autre' }).files)).not.toBe(digest(small.files));
  });

  it('keeps the values of a quartier when fewer quartiers are taken', () => {
    const line = (files: typeof small.files, code: string) => {
      const f = files.find((x) => x.path === 'rpls/parc_social_qpv_2012_2021.csv')!;
      return Buffer.from(f.bytes).toString('utf8').split('\n').filter((l) => l.startsWith(code));
    };
    const fewer = generateNationalSources({ texts, catalogue, maxQpv: 10 });
    const code = fewer.geography.quartiers[0]!.code2015;
    expect(line(fewer.files, code)).toEqual(line(small.files, code));
    expect(line(fewer.files, code)).toHaveLength(10);
  });

  it('is read by the real ingestion without error or unknown quartier, with the quirks of real files', () => {
    const sources = readSources(small.files);
    expect(sources.warnings.map((w) => w.code)).not.toContain('quartiers-inconnus');
    expect(sources.registry.quartiers).toHaveLength(small.geography.quartiers.length);
    const kinds = new Set(sources.files.map((f) => f.kind));
    for (const k of ['referentiel', 'catalogue', 'export', 'panel', 'prefecture']) expect(kinds).toContain(k);
    expect(sources.files.some((f) => f.encoding === 'Windows-1252')).toBe(true);
    expect(sources.figures.some((f) => f.state === 'secret')).toBe(true);
    expect(sources.figures.some((f) => f.bound === '>')).toBe(true);
    expect(sources.figures.some((f) => f.bound === '~')).toBe(true);
    // Every generated value cell became a figure (a préfecture QIC row with an EPCI value is two cells).
    expect(sources.figures.length).toBeGreaterThan(0.95 * small.cells);
  });

  it('gives every quartier figure with a value its EPCI reference of the same year', () => {
    const rows = normalizeAgainstBaseline(readSources(small.files));
    const codes = new Set(rows.map((r) => r.quartier_code));
    for (const q of small.geography.quartiers) expect(codes).toContain(q.code);
    const unreferenced = rows.filter((r) => r.etat === 'valeur' && r.valeur_reference === null);
    expect(unreferenced.map((r) => `${r.quartier_code} ${r.indicateur} ${r.annee}`)).toEqual([]);
    expect(new Set(rows.map((r) => r.annee))).toEqual(new Set([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]));
  });

  it('measures a commune convention alone (scope) exactly as in the whole run, from far fewer rows', () => {
    const sources = readSources(small.files);
    const all = normalizeAgainstBaseline(sources);
    const { quartiers } = typicalCommune(small.geography);
    const scope = quartiers.map((q) => q.code);
    const scoped = normalizeAgainstBaseline(sources, { scope });
    const mine = (rows: typeof all) => rows.filter((r) => scope.includes(r.quartier_code));
    expect(mine(scoped).length).toBeGreaterThan(0);
    expect(mine(scoped)).toEqual(mine(all));
    // Ranks and convergence need the whole agglomeration: its other quartiers stay.
    const epcis = new Set(mine(all).map((r) => r.epci_code));
    expect(new Set(scoped.map((r) => r.quartier_code))).toEqual(new Set(all.filter((r) => epcis.has(r.epci_code)).map((r) => r.quartier_code)));
    expect(scoped.length).toBeLessThan(all.length);
  });

  it('picks a commune convention of several quartiers, all of one commune', () => {
    const { commune, quartiers } = typicalCommune(small.geography);
    expect(quartiers.length).toBeGreaterThan(1);
    for (const q of quartiers) expect(q.commune.code).toBe(commune.code);
  });
});

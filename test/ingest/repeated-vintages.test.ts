// An export that repeats an older vintage under a newer year is flagged; a
// `.millesimes` side file files its figures under their real year.

import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readSources, type SourceFile } from '../../lib/ingest/read-sources.ts';
import { findRepeatedVintages } from '../../lib/ingest/repeated-vintages.ts';
import { DataErrors } from '../../lib/errors.ts';
import { msg } from '../../lib/messages/index.ts';
import { BUNDLED_SOURCES, loadBundled } from '../helpers/bundled.ts';
import { fig } from '../measures/build.ts';

const bundledFiles = (): SourceFile[] =>
  ['referentiel/quartiers.csv', 'referentiel/indicateurs.csv', 'referentiel/correspondance_qp2024_qp2015.csv', 'sigville/sigville_2022_cabbalr.csv', 'insee/filosofi_qpv_QP062005_2012_2021.csv']
    .map((path) => ({ path, bytes: readFileSync(BUNDLED_SOURCES + path) }));
const text = (path: string, t: string): SourceFile => ({ path, bytes: new TextEncoder().encode(t) });

describe('repeated vintages', () => {
  it('warns that the SIG Ville « 2022 » poverty rate of QP062005 is the Filosofi 2019 figure (40,2)', async () => {
    const { sources } = await loadBundled();
    const w = sources.warnings.filter((x) => x.code === 'millesime-repete');
    const sig = w.find((x) => x.message.startsWith('sigville/sigville_2022_cabbalr.csv'))!;
    expect(sig.message).toContain('1 valeur égale à celle d\'une année antérieure');
    expect(sig.message).toContain('QP062005, taux_pauvrete : 40,2 en 2022 = INSEE Filosofi 2019 (insee/filosofi_qpv_QP062005_2012_2021.csv:9)');
    // Filosofi 2021 is 43,0: not a repeat of anything. The figure itself is unchanged.
    expect(sources.figures.find((f) => f.territory === 'QP062005' && f.indicator === 'taux_pauvrete' && f.year === 2022)).toMatchObject({ value: 40.2, sourceLabel: 'SIG Ville 2022' });
  });

  it('compares at the later file\'s precision, across files only, and names the latest earlier year', () => {
    const a = { file: 'a.csv', line: 2, column: 'x' };
    const b = { file: 'b.csv', line: 3, column: 'x' };
    const repeats = findRepeatedVintages([
      fig('QP062005', 'part_moins_25_ans', 2019, 33.4, '=', { at: a }),
      fig('QP062005', 'part_moins_25_ans', 2020, 33.1, '=', { at: a }),
      // written « 33 » (no decimal) in 2022: 33,4 and 33,1 both round to 33; 2020 is the latest
      fig('QP062005', 'part_moins_25_ans', 2022, 33, '=', { at: b, decimals: 0 }),
      // 33,5 written with one decimal: equal to nothing
      fig('QP062005', 'taux_pauvrete', 2019, 33.4, '=', { at: a }),
      fig('QP062005', 'taux_pauvrete', 2022, 33.5, '=', { at: b }),
      // same file, earlier year: a series, not a repeat
      fig('QP062005', 'revenu_median', 2019, 14000, '=', { at: a, decimals: 0 }),
      fig('QP062005', 'revenu_median', 2020, 14000, '=', { at: a, decimals: 0 }),
    ]);
    expect(repeats.map((r) => [r.later.indicator, r.later.year, r.earlier.year])).toEqual([['part_moins_25_ans', 2022, 2020]]);
  });

  it('a « .millesimes » side file files the export\'s figures under their real year, with the source\'s own label', () => {
    const sources = readSources([...bundledFiles(), text('sigville/sigville_2022_cabbalr.millesimes', 'indicateur;millesime\ntaux_pauvrete;2019\n')]);
    const poverty = sources.figures.filter((f) => f.territory === 'QP062005' && f.indicator === 'taux_pauvrete');
    // Nothing left under 2022; 2019's 40,2 is given twice with the same value, kept once
    expect(poverty.map((f) => f.year)).toEqual([2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021]);
    const epci = sources.figures.find((f) => f.territory === '200072460' && f.indicator === 'taux_pauvrete')!;
    expect([epci.year, epci.value, epci.sourceLabel]).toEqual([2019, 18.8, 'SIG Ville 2022']);
    // Other indicators of the export stay under 2022, and the warning is gone
    expect(sources.figures.find((f) => f.territory === 'QP062005' && f.indicator === 'ips')!.year).toBe(2022);
    expect(sources.warnings.filter((w) => w.code === 'millesime-repete')).toEqual([]);
  });

  it('refuses a side file line it cannot read, saying where', () => {
    try {
      readSources([...bundledFiles(), text('sigville/sigville_2022_cabbalr.millesimes', 'taux_pauvrete;2019\nchomage;2019\n')]);
      expect.unreachable();
    } catch (e) {
      expect((e as DataErrors).errors.map((x) => x.message)).toEqual([msg.badDeclaredVintage('sigville/sigville_2022_cabbalr.millesimes', 2, 'chomage;2019')]);
    }
  });
});

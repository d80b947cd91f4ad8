import { describe, expect, it } from 'vitest';
import { normalizeName, parseYear, splitYear, yearFromFileName } from '../../lib/ingest/header-names.ts';
import { buildAliasIndex, matchIndicator } from '../../lib/ingest/catalogue.ts';
import type { Catalogue } from '../../lib/model/types.ts';

describe('column names and the years they carry', () => {
  it.each([
    ['DISP_TP60_A21', 'disp tp60', 2021],
    ['pop_2013', 'pop', 2013],
    ['Taux de pauvreté (%) 2019', 'taux de pauvrete', 2019],
    ['P21_POP', 'pop', 2021],
    ['Population municipale 2015', 'population municipale', 2015],
  ])('%j → %j, %i', (name, base, year) => {
    expect(splitYear(normalizeName(name))).toEqual({ base, year });
  });
  it('leaves a name without a year alone', () => {
    expect(splitYear(normalizeName('tp60'))).toEqual({ base: 'tp60' });
    expect(splitYear(normalizeName('txVac3m'))).toEqual({ base: 'txvac3m' });
  });
  it('matches catalogue aliases whatever the case, accents and year', () => {
    const catalogue: Catalogue = {
      indicators: [{ id: 'taux_pauvrete', label: 'Taux de pauvreté', portraitLabel: '', unit: 'pct', polarity: 'baisse_favorable', order: 1, aliases: ['tp60', 'DISP_TP60'], referencePhrase: '', inPortrait: true }],
    };
    const index = buildAliasIndex(catalogue);
    expect(matchIndicator('TP60', index)).toEqual({ indicator: 'taux_pauvrete' });
    expect(matchIndicator('DISP_TP60_A21', index)).toEqual({ indicator: 'taux_pauvrete', year: 2021 });
    expect(matchIndicator('Taux de pauvreté (%) 2019', index)).toEqual({ indicator: 'taux_pauvrete', year: 2019 });
    expect(matchIndicator('tp70', index)).toBeUndefined();
  });
});

describe('years', () => {
  it('reads a school year as the year of its start (rentrée)', () => {
    expect(parseYear('2022-2023')).toBe(2022);
    expect(parseYear('2021/22')).toBe(2021);
    expect(parseYear('2021')).toBe(2021);
    expect(parseYear('2021.0')).toBe(2021);
    expect(parseYear('21')).toBeUndefined();
    expect(parseYear('deux mille')).toBeUndefined();
  });
  it('finds the last year in a file name', () => {
    expect(yearFromFileName('reel/rpls_qpv_2022.csv')).toBe(2022);
    expect(yearFromFileName('population_qpv_2013_2018.csv')).toBe(2018);
    expect(yearFromFileName('2021/rpls_qpv.csv')).toBeUndefined();
    expect(yearFromFileName('rpls_qpv.csv')).toBeUndefined();
  });
});

// Plausible figures for the indicators the real Filosofi panel does not
// carry, per quartier and year, and every indicator of the EPCI baselines.
// A quartier's values follow its real poverty rate (« deprivation » 0–1): a
// poorer quartier has fewer people in work, more young people out of school
// and work, more social housing. Each value comes from its own seeded stream.

import { createRandom } from './prng.ts';

export const YEARS = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021] as const;

export const QUARTIER_INDICATORS = [
  'population', 'surface', 'part_moins_25_ans', 'part_familles_monoparentales', 'ips', 'taux_emploi_15_64', 'part_16_25_neet', 'part_parc_social',
] as const;
export type QuartierIndicator = (typeof QUARTIER_INDICATORS)[number];

export const FILOSOFI_INDICATORS = ['revenu_median', 'taux_pauvrete', 'indice_gini', 'rapport_s80s20'] as const;
export type EpciIndicator = QuartierIndicator | (typeof FILOSOFI_INDICATORS)[number];

const round = (x: number, decimals: number) => Number(x.toFixed(decimals));
const clamp = (x: number, min: number, max: number) => Math.min(max, Math.max(min, x));

/** Deprivation 0–1 from a mean poverty rate (20 % → 0, 60 % → 1). */
export function deprivationOf(povertyRate: number): number {
  return clamp((povertyRate - 20) / 40, 0, 1);
}

interface Profile {
  /** Level for the least (0) and most (1) deprived quartier. */
  level: [number, number];
  spread: number;
  /** Yearly drift range and yearly noise. */
  drift: number;
  yearly: number;
  min: number;
  max: number;
  decimals: number;
}

const QUARTIER_PROFILES: Record<Exclude<QuartierIndicator, 'population' | 'surface'>, Profile> = {
  part_moins_25_ans: { level: [32, 46], spread: 3, drift: 0.2, yearly: 0.6, min: 18, max: 60, decimals: 1 },
  part_familles_monoparentales: { level: [18, 38], spread: 4, drift: 0.3, yearly: 0.8, min: 5, max: 60, decimals: 1 },
  ips: { level: [102, 74], spread: 4, drift: 0.3, yearly: 0.8, min: 60, max: 125, decimals: 1 },
  taux_emploi_15_64: { level: [60, 38], spread: 4, drift: 0.3, yearly: 0.9, min: 20, max: 75, decimals: 1 },
  part_16_25_neet: { level: [18, 38], spread: 4, drift: 0.4, yearly: 1.2, min: 5, max: 65, decimals: 1 },
  part_parc_social: { level: [45, 88], spread: 10, drift: 0.2, yearly: 0.5, min: 5, max: 99.5, decimals: 1 },
};

function yearIndex(year: number): number {
  return year - YEARS[0];
}

export function quartierValue(seed: string, code: string, deprivation: number, indicator: QuartierIndicator, year: number): number {
  const base = createRandom(`${seed}|${code}|${indicator}`);
  const yearly = createRandom(`${seed}|${code}|${indicator}|${year}`);
  if (indicator === 'population') {
    const size = 900 + 11000 * base.next() ** 2;
    const growth = base.between(-0.015, 0.015);
    return Math.round(size * (1 + growth * yearIndex(year)) * (1 + yearly.noise(0.01)));
  }
  if (indicator === 'surface') return round(base.between(12, 260), 1);
  const p = QUARTIER_PROFILES[indicator];
  const level = p.level[0] + (p.level[1] - p.level[0]) * deprivation + base.noise(p.spread);
  const drift = base.between(-p.drift, p.drift);
  return round(clamp(level + drift * yearIndex(year) + yearly.noise(p.yearly), p.min, p.max), p.decimals);
}

const EPCI_PROFILES: Record<Exclude<EpciIndicator, 'population' | 'surface'>, { range: [number, number]; drift: number; yearly: number; decimals: number }> = {
  part_moins_25_ans: { range: [27, 34], drift: 0.05, yearly: 0.2, decimals: 1 },
  part_familles_monoparentales: { range: [12, 19], drift: 0.1, yearly: 0.2, decimals: 1 },
  ips: { range: [97, 110], drift: 0.1, yearly: 0.3, decimals: 1 },
  taux_emploi_15_64: { range: [58, 69], drift: 0.1, yearly: 0.3, decimals: 1 },
  part_16_25_neet: { range: [10, 17], drift: 0.1, yearly: 0.3, decimals: 1 },
  part_parc_social: { range: [10, 32], drift: 0.1, yearly: 0.2, decimals: 1 },
  taux_pauvrete: { range: [11, 23], drift: 0.1, yearly: 0.3, decimals: 1 },
  revenu_median: { range: [19000, 23500], drift: 250, yearly: 80, decimals: -1 },
  indice_gini: { range: [0.26, 0.33], drift: 0.001, yearly: 0.002, decimals: 3 },
  rapport_s80s20: { range: [3.2, 4.8], drift: 0.01, yearly: 0.03, decimals: 2 },
};

export function epciValue(seed: string, siren: string, indicator: EpciIndicator, year: number): number {
  const base = createRandom(`${seed}|${siren}|${indicator}`);
  const yearly = createRandom(`${seed}|${siren}|${indicator}|${year}`);
  if (indicator === 'population') {
    const size = 30000 + 900000 * base.next() ** 3;
    return Math.round(size * (1 + base.between(-0.004, 0.008) * yearIndex(year)));
  }
  if (indicator === 'surface') return round(base.between(4000, 120000), 0);
  const p = EPCI_PROFILES[indicator];
  const v = base.between(p.range[0], p.range[1]) + base.between(-p.drift, p.drift * 2) * yearIndex(year) + yearly.noise(p.yearly);
  return p.decimals < 0 ? Math.round(v / 10) * 10 : round(v, p.decimals);
}

/** Decimals to write for an indicator (French sources keep one decimal on rates). */
export function decimalsOf(indicator: EpciIndicator): number {
  if (indicator === 'population' || indicator === 'revenu_median') return 0;
  if (indicator === 'indice_gini') return 3;
  if (indicator === 'rapport_s80s20') return 2;
  return 1;
}

// A seeded pseudo-random generator for the national data set: the same seed
// gives the same numbers on every machine (no Math.random). Each quartier and
// indicator draws from its own stream, so that taking fewer quartiers
// (`--quartiers N`) leaves the values of the others unchanged.

/** 32-bit FNV-1a of a string: the seed of a stream. */
export function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [min, max). */
  between(min: number, max: number): number;
  /** Integer in [min, max]. */
  integer(min: number, max: number): number;
  /** True with probability p. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Roughly normal (sum of three uniforms), mean 0, standard deviation `sd`. */
  noise(sd: number): number;
}

/** mulberry32: small, fast, and good enough for plausible synthetic figures. */
export function createRandom(seed: string): Random {
  let state = hashSeed(seed);
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    integer: (min, max) => min + Math.floor((max - min + 1) * next()),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(items.length * next())]!,
    // Irwin–Hall with n = 3 has variance 3/12 = 1/4.
    noise: (sd) => (next() + next() + next() - 1.5) * 2 * sd,
  };
}

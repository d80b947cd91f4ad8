// Column names as exports write them, reduced to a comparable form, and the
// year some exports put inside them (`pop_2013`, `DISP_TP60_A21`,
// `Taux de pauvreté (%) 2019`).

import { normalizeName } from '../text/normalize-name.ts';

export { normalizeName };

export interface NameWithYear {
  base: string;
  year?: number;
}

/** Split a normalised column name into its base and the year it carries, if any. */
export function splitYear(normalized: string): NameWithYear {
  // Trailing full year: "pop 2013", "taux de pauvrete 2019"
  let m = /^(.*\S)\s+((?:19|20)\d\d)$/.exec(normalized);
  if (m) return { base: m[1]!, year: Number(m[2]) };
  // INSEE vintage suffix: "disp tp60 a21"
  m = /^(.*\S)\s+a(\d\d)$/.exec(normalized);
  if (m) return { base: m[1]!, year: 2000 + Number(m[2]) };
  // INSEE census prefix: "p21 pop", "c19 men"
  m = /^[pc](\d\d)\s+(.+)$/.exec(normalized);
  if (m) return { base: m[2]!, year: 2000 + Number(m[1]) };
  return { base: normalized };
}

/** A 4-digit year in a file name: "rpls_qpv_2022.csv" → 2022. The last one wins. */
export function yearFromFileName(file: string): number | undefined {
  const base = file.split('/').pop() ?? file;
  const years = [...base.matchAll(/(?:^|[^0-9])((?:19|20)\d\d)(?![0-9])/g)].map((m) => Number(m[1]));
  return years.length ? years[years.length - 1] : undefined;
}

/** "2022-2023" (school year) → 2022, the year the ministry's file is published for; "2021" → 2021. */
export function parseYear(text: string): number | undefined {
  const t = text.trim();
  let m = /^((?:19|20)\d\d)(?:\.0+)?$/.exec(t);
  if (m) return Number(m[1]);
  m = /^((?:19|20)\d\d)\s*[-/]\s*((?:19|20)?\d\d)$/.exec(t);
  if (m) return Number(m[1]);
  return undefined;
}

/** The years a file covers, as a source label writes them: "2021", "2012-2021". */
export function vintageOf(years: Iterable<number>): string {
  let min = Infinity;
  let max = -Infinity;
  for (const y of years) {
    if (y < min) min = y;
    if (y > max) max = y;
  }
  if (min === Infinity) return '';
  return min === max ? String(min) : `${min}-${max}`;
}

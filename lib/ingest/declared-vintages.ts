// A side file `<nom>.millesimes` next to an export declares the real vintage
// of some of its indicators, one line « indicateur;année » each (an optional
// header line, `#` comments): `sigville_2022_cabbalr.millesimes` with
// `taux_pauvrete;2019` files the export's poverty rates under 2019. The
// figures keep their source's label (« SIG Ville 2022 »), the convention's
// own words.

import type { Figure } from '../model/types.ts';
import { DataError } from '../errors.ts';
import { msg } from '../messages/index.ts';
import { matchIndicator, type AliasIndex } from './catalogue.ts';

export const VINTAGES_SUFFIX = '.millesimes';

/** Indicator → real year, for the data file `path` without its extension. */
export function readDeclaredVintages(path: string, text: string, aliases: AliasIndex, indicators: ReadonlySet<string>): Map<string, number> {
  const out = new Map<string, number>();
  text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [name = '', year = ''] = line.split(/\s*[;,\t=:]\s*/);
    if (i === 0 && !/^\d{4}$/.test(year)) return; // a header line
    const id = indicators.has(name) ? name : matchIndicator(name, aliases)?.indicator;
    if (!id || !/^\d{4}$/.test(year)) throw new DataError(msg.badDeclaredVintage(path, i + 1, line), { file: path, line: i + 1 });
    out.set(id, Number(year));
  });
  return out;
}

/** The figures of a file under the years its `.millesimes` side file declares (new objects; the others unchanged). */
export function fileUnderDeclaredVintages(figures: Figure[], vintages: Map<string, number> | undefined): Figure[] {
  if (!vintages?.size) return figures;
  return figures.map((f) => {
    const year = vintages.get(f.indicator);
    return year === undefined || year === f.year ? f : { ...f, year };
  });
}

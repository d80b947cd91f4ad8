// The changes a scheduled job meets between two runs, made to the generated
// sources folder in place, for the incremental lines of the benchmark:
// an agglomeration's own reference figure corrected in one yearly file, a
// quartier's figure corrected so far that it moves the national context
// (ranks, QPV median), and a new indicator for every quartier.

import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { BenchEpci, BenchQuartier, Geography } from './national-geography.ts';
import { createRandom } from './prng.ts';
import { csvLine, frenchNumber } from './source-files.ts';
import { YEARS } from './synthetic-values.ts';

const LATEST = YEARS[YEARS.length - 1]!;
/** The latest SIG Ville export (UTF-8 with BOM, `;`, CRLF): its rows end with six figures. */
const SIGVILLE = `sigville/${LATEST}/sigville_${LATEST}_export_national.csv`;
const FIGURES = 6;
/**
 * Columns among the six, in the order tried: moins de 25 ans, emploi, NEET
 * (the préfecture sheets repeat the agglomeration's familles monoparentales:
 * corrected in one file only, it would be a conflict between sources).
 */
const TRIED = [2, 4, 5];

/** Adds `delta` to one percentage of the territory's row (the line that starts with its code); returns what it wrote. */
async function shiftFigure(dir: string, code: string, delta: number): Promise<string> {
  const file = path.join(dir, SIGVILLE);
  const text = await fs.readFile(file, 'utf8');
  const lines = text.split('\r\n');
  const at = lines.findIndex((l) => l.startsWith(`${code};`));
  if (at < 0) throw new Error(`${SIGVILLE} : pas de ligne pour ${code}`);
  const cells = lines[at]!.split(';');
  const first = cells.length - FIGURES;
  for (const k of TRIED) {
    const old = cells[first + k]!;
    if (!/^\d+(,\d+)?$/.test(old)) continue;
    const value = Number(old.replace(',', '.'));
    const decimals = old.includes(',') ? old.split(',')[1]!.length : 0;
    cells[first + k] = frenchNumber(Math.min(99, Math.max(0, value + delta)), decimals);
    lines[at] = cells.join(';');
    await fs.writeFile(file, lines.join('\r\n'));
    return `${SIGVILLE}, ligne de ${code} : ${old} → ${cells[first + k]}`;
  }
  throw new Error(`${SIGVILLE} : aucun pourcentage à corriger sur la ligne de ${code}`);
}

/** The agglomeration's own figure (its EPCI row): only its quartiers compare with it. */
export function correctEpciReference(dir: string, epci: BenchEpci): Promise<string> {
  return shiftFigure(dir, epci.siren, 0.5);
}

/** A quartier's figure moved by 15 points: the ranks among all QPV and the QPV median move with it. */
export function moveNationalContext(dir: string, quartier: BenchQuartier): Promise<string> {
  return shiftFigure(dir, quartier.code2015, 15);
}

/** A new source: the vacancy rate of social housing (a catalogue indicator the generated set lacks) for every QPV and EPCI. */
export async function addIndicator(dir: string, geography: Geography): Promise<string> {
  const relative = 'bailleurs/vacance_parc_social_2012_2021.csv';
  const value = (code: string, year: number) => frenchNumber(createRandom(`vacance|${code}|${year}`).between(1, 12), 1);
  const lines = ['CodGeo,annee,txVac'];
  for (const q of geography.quartiers.filter((x) => x.status === 'QPV')) for (const y of YEARS) lines.push(csvLine([q.code2015, String(y), value(q.code, y)], ','));
  for (const e of geography.epcis) for (const y of YEARS) lines.push(csvLine([e.siren, String(y), value(e.siren, y)], ','));
  await fs.mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
  await fs.writeFile(path.join(dir, relative), lines.join('\n') + '\n');
  return `${relative} (taux_vacance_parc_social, ${lines.length - 1} lignes)`;
}

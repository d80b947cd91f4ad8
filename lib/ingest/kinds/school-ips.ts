// The Education ministry's IPS files (DEPP, data.education.gouv.fr): one row
// per école or collège, `;`, UAI, school year, optional Effectifs, IPS, `NS`
// for masked. Read into per-school records; the IPS of a quartier is derived
// elsewhere from these and the list of schools its children attend.

import type { SchoolIps } from '../../model/types.ts';
import { DataError } from '../../errors.ts';
import { msg } from '../../messages/index.ts';
import { isInvalid, parseFrenchNumber } from '../../text/french-number.ts';
import { YEAR_COLUMNS, columnIndex } from '../columns.ts';
import { normalizeName, parseYear, vintageOf, yearFromFileName } from '../header-names.ts';
import type { DataKind, KindResult, ReadContext } from '../source-context.ts';
import { ignoredColumnsNote } from './wide-export.ts';

const UAI_COLUMNS = ['uai', 'code uai', 'numero uai', 'numero d etablissement', 'code etablissement'];
const IPS_COLUMNS = ['ips', 'indice de position sociale', 'ips moyen'];
const NAME_COLUMNS = ['nom de l etablissment', 'nom de l etablissement', 'nom etablissement', 'appellation officielle', 'nom'];
const COMMUNE_CODE_COLUMNS = ['code insee de la commune', 'code commune', 'code insee', 'insee_com'];
const COMMUNE_NAME_COLUMNS = ['nom de la commune', 'commune', 'libelle commune'];
const SECTOR_COLUMNS = ['secteur', 'secteur public prive'];
const PUPILS_COLUMNS = ['effectifs', 'effectif', 'nombre d eleves'];

/** IPS lie roughly between 45 and 185; anything outside 0–300 is a misread column. */
const IPS_MAX = 300;

export function isSchoolIpsFile(header: string[]): boolean {
  return columnIndex(header, ...UAI_COLUMNS) >= 0 && columnIndex(header, ...IPS_COLUMNS) >= 0;
}

type Level = SchoolIps['level'];

/** Écoles, collèges or lycées: from the file name, else from each school's name. */
export function levelFromFileName(file: string): Level | undefined {
  const base = normalizeName(file.split('/').pop() ?? file);
  if (/\bcolleges?\b/.test(base)) return 'college';
  if (/\blycees?\b/.test(base)) return 'lycee';
  if (/\becoles?\b/.test(base)) return 'ecole';
  return undefined;
}

function levelFromSchoolName(name: string): Level | undefined {
  const n = name.trimStart().slice(0, 8).toUpperCase();
  if (n.startsWith('COLL')) return 'college';
  if (n.startsWith('LYC')) return 'lycee';
  if (n.startsWith('ECOLE') || n.startsWith('ÉCOLE') || n.startsWith('EC ') || n.startsWith('E.E.') || n.startsWith('E.P.')) return 'ecole';
  return undefined;
}

export function readSchoolIps(ctx: ReadContext): KindResult {
  const { table, file } = ctx;
  const h = table.header;
  const col = (names: string[]) => columnIndex(h, ...names);
  const [uaiCol, ipsCol, nameCol, communeCodeCol, communeNameCol, sectorCol, pupilsCol, yearCol] = [
    col(UAI_COLUMNS), col(IPS_COLUMNS), col(NAME_COLUMNS), col(COMMUNE_CODE_COLUMNS), col(COMMUNE_NAME_COLUMNS), col(SECTOR_COLUMNS), col(PUPILS_COLUMNS), col(YEAR_COLUMNS),
  ];
  const fileYear = ctx.sidecarYear ?? yearFromFileName(file);
  if (yearCol < 0 && fileYear === undefined) throw new DataError(msg.noYear(file), { file });
  const fileLevel = levelFromFileName(file);
  const ipsName = h[ipsCol]!;
  const yearName = yearCol >= 0 ? h[yearCol]! : '';
  const schools: SchoolIps[] = new Array(table.rows.length);
  const years = new Map<string, number | undefined>();
  const seen = new Map<string, number>();
  const cell = (row: string[], k: number) => (k >= 0 ? (row[k] ?? '').trim() : '');
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const line = table.lines[r]!;
    const uai = cell(row, uaiCol).toUpperCase();
    if (!/^\d{7}[A-Z]$/.test(uai)) {
      throw new DataError(msg.badUai(file, line, h[uaiCol]!, cell(row, uaiCol)), { file, line, column: h[uaiCol] });
    }
    const schoolYear = yearCol >= 0 ? cell(row, yearCol) : String(fileYear);
    let year = years.get(schoolYear);
    if (year === undefined) {
      year = parseYear(schoolYear);
      if (year === undefined) throw new DataError(msg.badYear(file, line, yearName, schoolYear), { file, line, column: yearName });
      years.set(schoolYear, year);
    }
    const key = `${uai}\u0000${year}`;
    const first = seen.get(key);
    if (first !== undefined) throw new DataError(msg.duplicateSchool(file, line, uai, first), { file, line, column: h[uaiCol] });
    seen.set(key, line);
    const ipsText = cell(row, ipsCol);
    const ips = parseFrenchNumber(ipsText);
    if (isInvalid(ips)) throw new DataError(msg.notANumber(file, line, ipsName, ipsText), { file, line, column: ipsName });
    if (ips.value !== null && (ips.value <= 0 || ips.value > IPS_MAX)) {
      throw new DataError(msg.outOfRange(file, line, ipsName, ipsText, 0, IPS_MAX), { file, line, column: ipsName });
    }
    let pupils: number | null = null;
    if (pupilsCol >= 0) {
      const text = cell(row, pupilsCol);
      const p = parseFrenchNumber(text);
      if (isInvalid(p) || (p.value !== null && p.value < 0)) {
        throw new DataError(msg.notANumber(file, line, h[pupilsCol]!, text), { file, line, column: h[pupilsCol] });
      }
      pupils = p.value;
    }
    const name = cell(row, nameCol);
    schools[r] = {
      uai,
      name,
      communeCode: cell(row, communeCodeCol),
      communeName: cell(row, communeNameCol),
      sector: cell(row, sectorCol),
      year,
      schoolYear,
      level: fileLevel ?? levelFromSchoolName(name) ?? 'ecole',
      pupils,
      ips: ips.value,
      state: ips.state,
      at: { file, line, column: ipsName },
    };
  }
  const vintage = vintageOf(years.values() as Iterable<number>);
  const used = [uaiCol, ipsCol, nameCol, communeCodeCol, communeNameCol, sectorCol, pupilsCol, yearCol];
  const known = ['academie', 'code du departement', 'departement', 'ecart type de l ips', 'region academique'];
  h.forEach((name, i) => known.includes(normalizeName(name)) && used.push(i));
  return { schools, producer: 'Éducation nationale (DEPP)', vintage, notes: [msg.schoolsRead(schools.length, fileLevel), ...ignoredColumnsNote(h, used)] };
}

export const schoolIpsKind: DataKind = {
  id: 'ips',
  label: 'IPS des établissements scolaires (Éducation nationale)',
  detect: (header) => isSchoolIpsFile(header),
  read: readSchoolIps,
};

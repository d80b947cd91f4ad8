// Which files of the run the report links to, found among the paths the
// earlier phases wrote: chart specs and their renderings, workbooks, the
// tidy CSV, portraits. Pure: paths in, a classification out.

export interface ChartRef {
  /** `graphiques/<dir>/<chart>.vl.json` or `graphiques/<chart>.vl.json`. */
  specPath: string;
  /** Quartier code, or null for an agglomeration chart. */
  quartier: string | null;
  /** Folder of an agglomeration chart in a report of several agglomerations (`epci-200072460`), else null. */
  agglomeration: string | null;
  /** The `.svg` / `.png` written beside the spec, sorted. */
  renderings: string[];
}

export interface ReportFileRefs {
  charts: ChartRef[];
  workbooks: string[];
  tidyCsv: string | null;
  /** Quartier code → its portrait file. */
  portraits: Map<string, string>;
  /** Chart specs in a folder that names no quartier nor agglomeration of the report. */
  unplacedCharts: string[];
}

const SPEC_SUFFIX = '.vl.json';

/**
 * @param written every path the run has written so far (forward slashes)
 * @param codeOfFileName quartier code for each file/folder name used in outputs (`safeFileName(code)` → code)
 * @param agglomerationFolders chart folders of the report's agglomerations when it has several (`epci-200072460`)
 */
export function classifyReportFiles(written: Iterable<string>, codeOfFileName: Map<string, string>, agglomerationFolders: ReadonlySet<string> = new Set()): ReportFileRefs {
  const paths = [...written].sort();
  const present = new Set(paths);
  const charts: ChartRef[] = [];
  const workbooks: string[] = [];
  const portraits = new Map<string, string>();
  const unplacedCharts: string[] = [];
  for (const p of paths) {
    const parts = p.split('/');
    if (parts[0] === 'graphiques' && p.endsWith(SPEC_SUFFIX) && (parts.length === 2 || parts.length === 3)) {
      const quartier = parts.length === 3 ? codeOfFileName.get(parts[1]!) : null;
      const agglomeration = quartier === undefined && agglomerationFolders.has(parts[1]!) ? parts[1]! : null;
      if (quartier === undefined && agglomeration === null) {
        unplacedCharts.push(p);
        continue;
      }
      const stem = p.slice(0, -SPEC_SUFFIX.length);
      const renderings = ['.svg', '.png'].map((ext) => stem + ext).filter((r) => present.has(r));
      charts.push({ specPath: p, quartier: quartier ?? null, agglomeration, renderings });
    } else if (parts[0] === 'classeurs' && parts.length === 2 && p.endsWith('.xlsx')) {
      workbooks.push(p);
    } else if (parts[0] === 'portraits' && parts.length === 2 && p.endsWith('.md')) {
      const code = codeOfFileName.get(parts[1]!.slice(0, -3));
      if (code !== undefined) portraits.set(code, p);
    }
  }
  return { charts, workbooks, tidyCsv: present.has('indicateurs.csv') ? 'indicateurs.csv' : null, portraits, unplacedCharts };
}

/** Folds case, accents and punctuation so that « Marles-les-Mines » matches `classeurs/marles_les_mines.xlsx`. */
export function nameKey(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** The folded name of each workbook, computed once per list: a national report asks for each of 1 500 quartiers. */
const WORKBOOK_KEYS = new WeakMap<readonly string[], string[]>();

/**
 * The workbooks of a quartier: those named after its commune convention or
 * its agglomeration; all of them when none is recognisable by name.
 */
export function workbooksOf(workbooks: string[], names: string[]): string[] {
  const keys = names.map(nameKey).filter((k) => k.length >= 3);
  let bases = WORKBOOK_KEYS.get(workbooks);
  if (!bases) {
    bases = workbooks.map((w) => nameKey(w.slice('classeurs/'.length, -'.xlsx'.length)));
    WORKBOOK_KEYS.set(workbooks, bases);
  }
  const mine = workbooks.filter((_, i) => keys.some((k) => bases[i]!.includes(k)));
  return mine.length ? mine : workbooks;
}

// The whole static report: the index, one page per quartier, and the
// report's own stylesheet and script. Pure: the model and the list of
// files of the run in, page texts out; the pipeline writes them.

import type { ReportModel } from '../../report/model.ts';
import type { ReportChart } from './chart-figure.ts';
import type { ReportFileRefs } from './report-files.ts';
import { REPORT_CSS, REPORT_CSS_PATH, REPORT_SCRIPT, REPORT_SCRIPT_PATH } from './assets.ts';
import { renderIndexPage } from './index-page.ts';
import { renderQuartierPage } from './quartier-page.ts';

export interface SiteInput {
  model: ReportModel;
  /** Every chart spec of the run, already read. */
  charts: ReportChart[];
  files: Omit<ReportFileRefs, 'charts' | 'unplacedCharts'>;
  /** Path of a quartier's page from the report's root, e.g. `quartiers/QN06205M.html`. */
  quartierPage: (code: string) => string;
  /**
   * In a report of several agglomerations, the page of the quartier's
   * agglomeration (its charts), e.g. `agglomerations/epci-200072460.html`;
   * null or absent when the agglomeration charts are on the index.
   */
  agglomerationPage?: (code: string) => { path: string; name: string } | null;
}

export interface SiteFile {
  path: string;
  content: string;
}

/** The index and the quartier pages (agglomeration pages: `renderAgglomerationPage`, one per agglomeration). */
export function renderReportSite(input: SiteInput): SiteFile[] {
  const files: SiteFile[] = [{ path: 'index.html', content: renderIndexPage(input) }];
  for (const q of input.model.quartiers) files.push({ path: input.quartierPage(q.code), content: renderQuartierPage(input, q) });
  files.push(...SITE_ASSETS);
  return files;
}

/** The report's own stylesheet and script, written after the pages. */
export const SITE_ASSETS: readonly SiteFile[] = [
  { path: REPORT_CSS_PATH, content: REPORT_CSS },
  { path: REPORT_SCRIPT_PATH, content: REPORT_SCRIPT },
];

export { renderIndexPage, renderQuartierPage };
export { renderAgglomerationPage, type AgglomerationPage } from './agglomeration-page.ts';

// What a page of the HTML report is made from, for its key in the manifest
// (see pipeline/previous-publication.ts): the quartier (or agglomeration) it
// shows, its charts (each spec's sha256 and its renderings), its links, and
// the model's fields every page shows. A page whose key did not change is
// taken from the previous publication. The index page, which shows every
// quartier, is always written.

import { createHash } from 'node:crypto';
import type { ChartRef } from '../../lib/render/html/report-files.ts';
import type { SiteInput } from '../../lib/render/html/site.ts';
import type { QuartierReport, ReportModel } from '../../lib/report/model.ts';
import type { WrittenFile } from '../output-writer.ts';
import { quartierDigest } from './quartier-digest.ts';
import { quartierChanges } from '../../lib/render/html/changes-section.ts';

/** The fields of the model a quartier or agglomeration page reads besides its quartiers. A test fails when a page reads another one. */
export const PAGE_MODEL_FIELDS = ['toolVersion', 'year', 'catalogue', 'enjeux', 'notes'] as const satisfies readonly (keyof ReportModel)[];

type Site = Omit<SiteInput, 'charts'>;

const SHARED = new WeakMap<Site, string>();

/** The part every page of the run shares, hashed once per run. */
function sharedDigest(site: Site): string {
  const known = SHARED.get(site);
  if (known) return known;
  const h = createHash('sha256');
  for (const f of PAGE_MODEL_FIELDS) h.update(`${f}=${JSON.stringify(site.model[f])}\n`);
  h.update(`classeurs=${JSON.stringify(site.files.workbooks)}\ntableau=${site.files.tidyCsv ?? ''}\n`);
  const digest = h.digest('hex');
  SHARED.set(site, digest);
  return digest;
}

function chartsOf(refs: readonly ChartRef[], written: ReadonlyMap<string, WrittenFile>) {
  return refs.map((r) => ({ ...r, spec: written.get(r.specPath)?.sha256 ?? null }));
}

/**
 * The link to the quartier's agglomeration page: its path and name only. The
 * run's page object also holds the agglomeration's quartiers with all their
 * rows, which the quartier page does not show (hashing them into each page's
 * key took most of a national HTML phase).
 */
function agglomerationLink(site: Site, code: string): { path: string; name: string } | null {
  const a = site.agglomerationPage?.(code);
  return a ? { path: a.path, name: a.name } : null;
}

export function quartierPageMadeFrom(site: Site, q: QuartierReport, refs: readonly ChartRef[], written: ReadonlyMap<string, WrittenFile>): string {
  return JSON.stringify({
    shared: sharedDigest(site),
    page: site.quartierPage(q.code),
    quartier: quartierDigest(q),
    portrait: site.files.portraits.get(q.code) ?? null,
    agglomeration: agglomerationLink(site, q.code),
    charts: chartsOf(refs, written),
    // « Ce qui a changé »: only what this page's section shows.
    changes: quartierChanges(site.model.changes, q.code),
  });
}

export function agglomerationPageMadeFrom(site: Site, a: { path: string; name: string; quartiers: QuartierReport[] }, refs: readonly ChartRef[], written: ReadonlyMap<string, WrittenFile>): string {
  return JSON.stringify({
    shared: sharedDigest(site),
    path: a.path,
    name: a.name,
    quartiers: a.quartiers.map((q) => [q.code, q.name, site.quartierPage(q.code)]),
    charts: chartsOf(refs, written),
  });
}

// « Ce qui a changé » on the index page (counts by kind, and the detail
// while it stays short) and on each quartier page (its own changes).

import type { Change, RunChanges } from '../../report/compare-runs.ts';
import { changeCounts } from '../../report/compare-runs.ts';
import { CHANGE_KIND_LABELS, changeDetail, changesText as t } from '../../messages/changes.ts';
import { formatFrenchNumber } from '../../text/french-number.ts';
import { hrefOf, html, type Markup } from './markup.ts';

/** Beyond this many changes the index gives counts only; the quartier pages and changements.csv hold the detail. */
export const INDEX_DETAIL_LIMIT = 60;

function detailTable(changes: readonly Change[], withQuartier: boolean): Markup {
  return html`<table class="changements">
<caption>${withQuartier ? t.detailsCaption : t.quartierDetailsCaption}</caption>
<thead><tr>${withQuartier ? html`<th scope="col">${t.columnQuartier}</th>` : ''}<th scope="col">${t.columnKind}</th><th scope="col">${t.columnIndicator}</th><th scope="col">${t.columnDetail}</th></tr></thead>
<tbody>
${changes.map((c) => html`<tr data-type="${c.type}">${withQuartier ? html`<th scope="row">${c.quartier || c.quartier_code} (${c.quartier_code})</th>` : ''}<td>${CHANGE_KIND_LABELS[c.type]}</td><td>${c.libelle || c.indicateur}</td><td>${changeDetail(c)}</td></tr>\n`)}</tbody>
</table>
`;
}

function frame(body: Markup, changes: RunChanges | null | undefined, prefix: string, csvPublished: boolean): Markup {
  return html`<section class="changements" aria-labelledby="changements">
<h2 id="changements">${t.heading}</h2>
${changes ? html`<p>${t.since(changes.previous)}</p>\n` : html`<p class="vide">${t.first}</p>\n`}${body}${changes && csvPublished ? html`<p><a href="${hrefOf(prefix, 'changements.csv')}">${t.csvLink}</a></p>\n` : ''}</section>
`;
}

export function indexChangesSection(changes: RunChanges | null | undefined, csvPublished: boolean): Markup {
  if (!changes) return frame(html``, changes, '', csvPublished);
  const list = changes.changes;
  if (!list.length) return frame(html`<p class="vide">${t.none}</p>\n`, changes, '', csvPublished);
  const counts = html`<table class="changements-nombres">
<caption>${t.countsCaption}</caption>
<thead><tr><th scope="col">${t.columnKind}</th><th scope="col">${t.columnCount}</th></tr></thead>
<tbody>
${changeCounts(list).map(([k, n]) => html`<tr data-type="${k}"><th scope="row">${CHANGE_KIND_LABELS[k]}</th><td class="nombre">${formatFrenchNumber(n)}</td></tr>\n`)}</tbody>
</table>
`;
  const detail = list.length <= INDEX_DETAIL_LIMIT ? detailTable(list, true) : html`<p>${t.tooManyForIndex(list.length)}</p>\n`;
  return frame(html`${counts}${detail}<p class="note">${t.rule}</p>\n`, changes, '', csvPublished);
}

/**
 * What a quartier page's section shows: its own changes and the previous
 * publication's date, or null when nothing changed for it (no section then:
 * a first publication and an unchanged quartier give the same page, which
 * is reused from one run to the next).
 */
export function quartierChanges(changes: RunChanges | null | undefined, quartierCode: string): RunChanges | null {
  const mine = changes ? changes.changes.filter((c) => c.quartier_code === quartierCode) : [];
  return mine.length ? { previous: changes!.previous, changes: mine } : null;
}

export function quartierChangesSection(changes: RunChanges | null | undefined, quartierCode: string, prefix: string, csvPublished: boolean): Markup {
  const shown = quartierChanges(changes, quartierCode);
  if (!shown) return html``;
  return frame(html`${detailTable(shown.changes, false)}<p class="note">${t.rule}</p>
`, shown, prefix, csvPublished);
}

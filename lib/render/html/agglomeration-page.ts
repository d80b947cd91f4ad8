// One agglomeration's page, in a report of several: its charts (indices of
// every quartier, ranking) drawn once, and links to its quartiers' pages.
// Each quartier page links here instead of carrying the charts itself: the
// heatmap of a large agglomeration inlined on each of its sixty quartier
// pages made the national report 8 % heavier.

import type { QuartierReport } from '../../report/model.ts';
import { msg } from '../../messages/index.ts';
import { chartFigure, type ReportChart } from './chart-figure.ts';
import { page } from './layout.ts';
import { hrefOf, html } from './markup.ts';
import type { SiteInput } from './site.ts';

const PREFIX = '../';

export interface AgglomerationPage {
  /** `agglomerations/epci-200072460.html` */
  path: string;
  name: string;
  quartiers: QuartierReport[];
  charts: ReportChart[];
}

export function renderAgglomerationPage(input: SiteInput, a: AgglomerationPage): string {
  const title = msg.html.agglomerationChartsOf(a.name);
  const breadcrumb = html`<nav class="fil" aria-label="${msg.html.breadcrumb}"><ol><li><a href="${hrefOf(PREFIX, 'index.html')}">${msg.html.backToIndex}</a></li><li aria-current="page">${a.name}</li></ol></nav>
`;
  const body = html`<h1>${title}</h1>
<section aria-labelledby="graphiques">
<h2 id="graphiques">${msg.html.agglomerationCharts}</h2>
${a.charts.length ? html`<div class="charts">\n${a.charts.map((c, i) => chartFigure(c, `graphique-${i + 1}`, PREFIX))}</div>` : html`<p class="vide">${msg.html.noAgglomerationCharts}</p>`}
</section>
<section aria-labelledby="quartiers">
<h2 id="quartiers">${msg.html.quartiersHeading}</h2>
<ul>
${a.quartiers.map((q) => html`<li><a href="${hrefOf(PREFIX, input.quartierPage(q.code))}">${q.name}</a> (${q.code})</li>\n`)}</ul>
</section>
`;
  return page({ title: a.name, prefix: PREFIX, breadcrumb, body, toolVersion: input.model.toolVersion, withCharts: a.charts.length > 0 });
}

// The report's front page: every quartier with its status, population and
// headline indicators, the agglomeration's charts, the files of the run and
// the sources read.

import type { Indicator } from '../../model/types.ts';
import type { QuartierReport } from '../../report/model.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import { msg, frenchList } from '../../messages/index.ts';
import { STATUS_LABELS, latestRows } from '../portrait/portrait.ts';
import { chartFigure } from './chart-figure.ts';
import { readingMarkup, valueText } from './cells.ts';
import { formatFrenchNumber } from '../../text/french-number.ts';
import { page } from './layout.ts';
import { hrefOf, html, type Markup } from './markup.ts';
import type { SiteInput } from './site.ts';
import { indexChangesSection } from './changes-section.ts';

/** Indicators shown as columns of the index: the portrait's, except population (its own column) and surface. */
export function headlineIndicators(input: SiteInput): Indicator[] {
  const present = new Set(input.model.rows.filter((r) => r.annee <= input.model.year).map((r) => r.indicateur));
  return input.model.catalogue.indicators.filter((i) => i.inPortrait && i.id !== 'population' && i.id !== 'surface' && present.has(i.id));
}

export function agglomerationName(quartiers: QuartierReport[]): string {
  const names = new Set<string>();
  for (const q of quartiers) {
    const name = q.quartier?.epci.name ?? q.rows.find((r) => r.epci)?.epci;
    if (name) names.add(name);
  }
  return frenchList([...names]);
}

function statusCell(q: QuartierReport): Markup {
  const status = q.quartier?.status ?? q.rows.find((r) => r.statut)?.statut ?? '';
  const label = STATUS_LABELS[status];
  return label ? html`<abbr title="${label}">${status}</abbr>` : html`${status || msg.html.statusUnknown}`;
}

function figureCell(latest: Map<string, TidyRow>, id: string, year: number, numeric: boolean): Markup {
  const row = latest.get(id);
  if (!row) return html`<td${numeric ? html` class="nombre"` : ''}>${msg.html.notAvailable}</td>`;
  const other = row.annee !== year ? html` <span class="annee-autre">${msg.html.yearNote(row.annee)}</span>` : '';
  return html`<td${numeric ? html` class="nombre"` : ''}>${valueText(row)}${other}${readingMarkup(row)}</td>`;
}

function quartiersTable(input: SiteInput): Markup {
  const { model } = input;
  if (!model.quartiers.length) return html`<p class="vide">${msg.html.quartiersNone}</p>`;
  const headline = headlineIndicators(input);
  const caption = msg.html.quartiersCaption(model.year);
  return html`<div class="table-scroll" role="region" aria-label="${msg.html.scrollRegion(caption)}" tabindex="0">
<table class="quartiers">
<caption>${caption}</caption>
<thead><tr><th scope="col">${msg.html.columnQuartier}</th><th scope="col">${msg.html.columnCode}</th><th scope="col">${msg.html.columnStatus}</th><th scope="col">${msg.html.columnCommunes}</th><th scope="col">${msg.html.columnPopulation}</th>${headline.map((i) => html`<th scope="col">${i.label}</th>`)}</tr></thead>
<tbody>
${model.quartiers.map((q) => [q, latestRows(q.rows, model.year)] as const).map(([q, latest]) => html`<tr><th scope="row"><a href="${hrefOf('', input.quartierPage(q.code))}">${q.name}</a></th><td>${q.code}</td><td>${statusCell(q)}</td><td>${(q.quartier?.communes.map((c) => c.name) ?? [q.rows.find((r) => r.communes)?.communes ?? '']).join(', ')}</td>${figureCell(latest, 'population', model.year, true)}${headline.map((i) => figureCell(latest, i.id, model.year, false))}</tr>
`)}</tbody>
</table>
</div>
`;
}

function filesSection(input: SiteInput): Markup {
  const { files, model } = input;
  return html`<section class="fichiers" aria-labelledby="fichiers">
<h2 id="fichiers">${msg.html.filesHeading}</h2>
<ul>
${files.tidyCsv ? html`<li><a href="${hrefOf('', files.tidyCsv)}">${msg.html.tidyCsv}</a></li>\n` : ''}</ul>
<h3>${msg.html.workbooksHeading}</h3>
${files.workbooks.length ? html`<ul>\n${files.workbooks.map((w) => html`<li><a href="${hrefOf('', w)}">${w.slice('classeurs/'.length)}</a></li>\n`)}</ul>` : html`<p class="vide">${msg.html.noWorkbooks}</p>`}
<h3>${msg.html.quartierPagesHeading}</h3>
<ul>
${model.quartiers.map((q) => html`<li><a href="${hrefOf('', input.quartierPage(q.code))}">${q.name}</a> (${q.code})</li>\n`)}</ul>
</section>
`;
}

function sourcesSection(input: SiteInput): Markup {
  const files = input.model.files;
  return html`<section aria-labelledby="sources">
<h2 id="sources">${msg.html.sourcesHeading}</h2>
${files.length ? html`<div class="table-scroll" role="region" aria-label="${msg.html.scrollRegion(msg.html.sourcesCaption)}" tabindex="0">
<table class="sources">
<caption>${msg.html.sourcesCaption}</caption>
<thead><tr><th scope="col">${msg.html.columnFile}</th><th scope="col">${msg.html.columnKind}</th><th scope="col">${msg.html.columnProducer}</th><th scope="col">${msg.html.columnVintage}</th><th scope="col">${msg.html.columnFigures}</th></tr></thead>
<tbody>
${files.map((f) => html`<tr><th scope="row">${f.file}</th><td>${f.kindLabel}</td><td>${f.producer}</td><td>${f.vintage}</td><td class="nombre">${formatFrenchNumber(f.figures, 0)}</td></tr>\n`)}</tbody>
</table>
</div>` : html`<p class="vide">${msg.html.noSources}</p>`}
</section>
`;
}

function agglomerationPagesList(pages: Map<string, string>): Markup {
  return html`<p>${msg.html.agglomerationPagesIntro}</p>
<ul>
${[...pages].map(([path, name]) => html`<li><a href="${hrefOf('', path)}">${name}</a></li>\n`)}</ul>`;
}

export function renderIndexPage(input: SiteInput): string {
  const { model } = input;
  const charts = input.charts.filter((c) => c.quartier === null && c.agglomeration === null);
  // A report of several agglomerations: one page each, listed here.
  const pages = new Map<string, string>();
  for (const q of model.quartiers) {
    const a = input.agglomerationPage?.(q.code);
    if (a && !pages.has(a.path)) pages.set(a.path, a.name);
  }
  const title = msg.html.indexTitle(agglomerationName(model.quartiers));
  const body = html`<h1>${title}</h1>
<p class="lead">${msg.html.indexIntro(model.year)}</p>
<section aria-labelledby="quartiers">
<h2 id="quartiers">${msg.html.quartiersHeading}</h2>
${quartiersTable(input)}</section>
${indexChangesSection(model.changes, input.files.tidyCsv !== null && input.files.tidyCsv !== undefined)}<section aria-labelledby="graphiques">
<h2 id="graphiques">${msg.html.agglomerationCharts}</h2>
${charts.length ? html`<div class="charts">\n${charts.map((c, i) => chartFigure(c, `graphique-${i + 1}`, ''))}</div>\n` : ''}${pages.size ? agglomerationPagesList(pages) : ''}${!charts.length && !pages.size ? html`<p class="vide">${msg.html.noAgglomerationCharts}</p>` : ''}
</section>
${filesSection(input)}${sourcesSection(input)}`;
  return page({ title, prefix: '', body, generatedAt: model.generatedAt, toolVersion: model.toolVersion, withCharts: charts.length > 0, wide: true });
}

// One quartier's page: who it is, its portrait statistique, its charts,
// every indicator in every year, the contract's enjeux, the convention's
// qualitative notes, and the files that belong to it.

import type { QuartierReport } from '../../report/model.ts';
import type { TidyRow } from '../../model/tidy-row.ts';
import { msg } from '../../messages/index.ts';
import { trendLabels } from '../../messages/trend-labels.ts';
import { NBSP } from '../../text/french-number.ts';
import { SECTION_TITLES, STATUS_LABELS, latestRows, nationalLines, portraitLine, sourcePhrase } from '../portrait/portrait.ts';
import { chartFigure } from './chart-figure.ts';
import { gapText, medianText, readingMarkup, referenceText, valueText } from './cells.ts';
import { page } from './layout.ts';
import { hrefOf, html, type Markup } from './markup.ts';
import { workbooksOf } from './report-files.ts';
import { quartierChangesSection } from './changes-section.ts';
import type { SiteInput } from './site.ts';

const PREFIX = '../';

function identity(q: QuartierReport): Markup {
  const status = q.quartier ? STATUS_LABELS[q.quartier.status] ?? q.quartier.status : msg.html.statusUnknown;
  const code2015 = q.quartier?.code2015 || q.rows.find((r) => r.quartier_code_2015)?.quartier_code_2015 || '';
  return html`<dl class="identite">
<dt>${msg.html.status}</dt><dd>${status}</dd>
<dt>${msg.html.code}</dt><dd>${q.code}</dd>
${code2015 ? html`<dt>${msg.html.code2015}</dt><dd>${code2015}</dd>\n` : ''}${q.quartier ? html`<dt>${msg.html.communes}</dt><dd>${q.quartier.communes.map((c) => c.name).join(', ')}</dd>
<dt>${msg.html.agglomeration}</dt><dd>${q.quartier.epci.name} (${q.quartier.epci.shortName})</dd>
` : ''}</dl>
`;
}

function portrait(input: SiteInput, q: QuartierReport): Markup {
  const latest = latestRows(q.rows, input.model.year);
  const shown = input.model.catalogue.indicators.filter((i) => i.inPortrait && latest.has(i.id));
  const others = input.model.catalogue.indicators.filter((i) => !i.inPortrait && latest.has(i.id));
  const national = nationalLines(q.rows, input.model.catalogue, input.model.year);
  const line = (id: string, extra: (r: TidyRow) => string) => {
    const row = latest.get(id)!;
    return portraitLine(row, input.model.catalogue.indicators.find((i) => i.id === id)!, extra(row));
  };
  return html`<section aria-labelledby="portrait">
<h2 id="portrait">${msg.html.portraitHeading}</h2>
${shown.length ? html`<p class="lead">(${sourcePhrase(shown.map((i) => latest.get(i.id)!))})</p>
<ul class="portrait">
${shown.map((i) => html`<li>${line(i.id, (r) => (r.annee !== input.model.year ? ` (${r.annee})` : ''))}</li>\n`)}</ul>
` : html`<p class="vide">${msg.html.portraitNone}</p>\n`}${others.length ? html`<h3>${msg.html.otherIndicators}</h3>
<ul>
${others.map((i) => html`<li>${line(i.id, (r) => ` (${r.annee}, ${r.source})`)}</li>\n`)}</ul>
` : ''}${national.length ? html`<h3>${msg.nationalContextTitle}</h3>
<p class="lead">${msg.nationalContextSource}</p>
<ul>
${national.map((l) => html`<li>${l}</li>\n`)}</ul>
` : ''}</section>
`;
}

function indicatorTable(input: SiteInput, q: QuartierReport): Markup {
  const order = new Map(input.model.catalogue.indicators.map((i, n) => [i.id, n]));
  const rows = [...q.rows].sort((a, b) => (order.get(a.indicateur) ?? 1e9) - (order.get(b.indicateur) ?? 1e9) || a.indicateur.localeCompare(b.indicateur) || a.annee - b.annee);
  const caption = msg.html.tableCaption(q.name);
  const h = msg.html;
  // The national context's columns appear when national files gave it (docs/methode.md).
  const national = rows.some((r) => r.mediane_qpv !== null);
  return html`<section aria-labelledby="indicateurs">
<h2 id="indicateurs">${h.tableHeading}</h2>
<div class="table-scroll" role="region" aria-label="${h.scrollRegion(caption)}" tabindex="0">
<table class="indicateurs">
<caption>${caption}</caption>
<thead><tr><th scope="col">${h.columnIndicator}</th><th scope="col">${h.columnYear}</th><th scope="col">${h.columnValue}</th><th scope="col">${h.columnReference}</th><th scope="col">${h.columnReferenceValue}</th><th scope="col">${h.columnGap}</th><th scope="col">${h.columnReading}</th><th scope="col">${h.columnConvergence}</th><th scope="col">${h.columnRank}</th>${national ? html`<th scope="col">${h.columnNationalRank}</th><th scope="col">${h.columnNationalMedian}</th>` : ''}<th scope="col">${h.columnSource}</th><th scope="col">${h.columnPerimeter}</th></tr></thead>
<tbody>
${rows.map((r) => html`<tr><th scope="row">${r.libelle || r.indicateur}</th><td>${r.annee}</td><td class="nombre">${valueText(r)}</td><td>${r.reference || h.notAvailable}</td><td class="nombre">${referenceText(r)}</td><td class="nombre">${gapText(r)}</td><td>${h.reading(r.sens) || h.notAvailable}</td><td>${trendLabels.convergence(r.convergence) || h.notAvailable}</td><td>${trendLabels.rank(r.rang, r.rang_sur) || h.notAvailable}</td>${national ? html`<td>${trendLabels.rank(r.rang_national, r.rang_national_sur) || h.notAvailable}</td><td class="nombre">${medianText(r)}</td>` : ''}<td>${r.source}</td><td>${h.perimeter(r.perimetre) || h.notAvailable}</td></tr>\n`)}</tbody>
</table>
</div>
</section>
`;
}

function enjeux(input: SiteInput, q: QuartierReport): Markup {
  const links = input.model.enjeux;
  const body = () => {
    const latest = latestRows(q.rows, input.model.year);
    const labels = new Map(input.model.catalogue.indicators.map((i) => [i.id, i.label]));
    const groups = new Map<string, { label: string; objectives: Map<string, string[]> }>();
    for (const l of links) {
      const g = groups.get(l.enjeu) ?? { label: l.enjeuLabel, objectives: new Map<string, string[]>() };
      groups.set(l.enjeu, g);
      const list = g.objectives.get(l.objective) ?? [];
      if (!list.includes(l.indicator)) list.push(l.indicator);
      g.objectives.set(l.objective, list);
    }
    return [...groups.entries()].map(([enjeu, g]) => html`<h3>${enjeu}${g.label ? ` – ${g.label}` : ''}</h3>
<dl class="objectifs">
${[...g.objectives.entries()].map(([objective, ids]) => html`<dt>${objective}</dt>
${ids.map((id) => {
  const row = latest.get(id);
  return html`<dd>${labels.get(id) ?? id}${NBSP}: ${row ? html`${valueText(row)} (${row.annee})${readingMarkup(row)}` : msg.html.enjeuIndicatorMissing}</dd>\n`;
})}`)}</dl>
`);
  };
  return html`<section aria-labelledby="enjeux">
<h2 id="enjeux">${msg.html.enjeuxHeading}</h2>
${links.length ? body() : html`<p class="vide">${msg.html.enjeuxNone}</p>\n`}</section>
`;
}

function notes(input: SiteInput, q: QuartierReport): Markup {
  const mine = input.model.notes.filter((n) => n.quartier === q.code);
  const sections = (['irritant', 'opportunite', 'enjeu_prioritaire'] as const)
    .map((s) => ({ s, items: mine.filter((n) => n.section === s).sort((a, b) => a.order - b.order) }))
    .filter((x) => x.items.length);
  return html`<section aria-labelledby="notes">
<h2 id="notes">${msg.html.notesHeading}</h2>
${sections.length ? sections.map(({ s, items }) => html`<h3>${SECTION_TITLES[s]}</h3>
<ul>
${items.map((n) => html`<li>${n.text}</li>\n`)}</ul>
`) : html`<p class="vide">${msg.html.notesNone}</p>\n`}</section>
`;
}

function files(input: SiteInput, q: QuartierReport, chartPaths: string[]): Markup {
  const names = q.quartier ? [q.quartier.conventionCommune, q.quartier.epci.shortName, q.quartier.epci.name] : [q.rows[0]?.commune_convention ?? '', q.rows[0]?.epci ?? ''];
  const workbooks = workbooksOf(input.files.workbooks, names);
  const portraitPath = input.files.portraits.get(q.code);
  return html`<section class="fichiers" aria-labelledby="fichiers">
<h2 id="fichiers">${msg.html.filesHeading}</h2>
<ul>
${portraitPath ? html`<li><a href="${hrefOf(PREFIX, portraitPath)}">${msg.html.portraitMd}</a></li>\n` : ''}${input.files.tidyCsv ? html`<li><a href="${hrefOf(PREFIX, input.files.tidyCsv)}">${msg.html.tidyCsv}</a></li>\n` : ''}</ul>
<h3>${msg.html.workbooksHeading}</h3>
${workbooks.length ? html`<ul>\n${workbooks.map((w) => html`<li><a href="${hrefOf(PREFIX, w)}">${w.slice('classeurs/'.length)}</a></li>\n`)}</ul>\n` : html`<p class="vide">${msg.html.noWorkbooks}</p>\n`}${chartPaths.length ? html`<h3>${msg.html.chartFilesHeading}</h3>
<ul>
${chartPaths.map((p) => html`<li><a href="${hrefOf(PREFIX, p)}">${p.slice('graphiques/'.length)}</a></li>\n`)}</ul>
` : ''}</section>
`;
}

export function renderQuartierPage(input: SiteInput, q: QuartierReport): string {
  const charts = input.charts.filter((c) => c.quartier === q.code);
  const agglomeration = input.agglomerationPage?.(q.code) ?? null;
  const breadcrumb = html`<nav class="fil" aria-label="${msg.html.breadcrumb}"><ol><li><a href="${hrefOf(PREFIX, 'index.html')}">${msg.html.backToIndex}</a></li><li aria-current="page">${q.name}</li></ol></nav>
`;
  const body = html`<h1>${q.name}</h1>
${identity(q)}${portrait(input, q)}${quartierChangesSection(input.model.changes, q.code, PREFIX, Boolean(input.files.tidyCsv))}<section aria-labelledby="graphiques">
<h2 id="graphiques">${msg.html.quartierCharts}</h2>
${charts.length ? html`<div class="charts">\n${charts.map((c, i) => chartFigure(c, `graphique-${i + 1}`, PREFIX))}</div>` : html`<p class="vide">${msg.html.noQuartierCharts}</p>`}
</section>
${agglomeration ? html`<section aria-labelledby="graphiques-agglomeration">
<h2 id="graphiques-agglomeration">${msg.html.agglomerationChartsOf(agglomeration.name)}</h2>
<p><a href="${hrefOf(PREFIX, agglomeration.path)}">${msg.html.agglomerationPageLink}</a></p>
</section>
` : ''}${indicatorTable(input, q)}${enjeux(input, q)}${notes(input, q)}${files(input, q, charts.flatMap((c) => [...c.renderings, c.specPath]))}`;
  return page({ title: q.name, prefix: PREFIX, breadcrumb, body, toolVersion: input.model.toolVersion, withCharts: charts.length > 0 });
}

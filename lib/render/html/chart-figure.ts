// One chart in a page: a figure whose caption is the spec's title and
// description, the spec inlined as JSON for vega-embed, and links to the
// chart's own files. The view is labelled for screen readers from the spec.

import { msg } from '../../messages/index.ts';
import { specCaption } from '../charts/spec-caption.ts';
import { hrefOf, html, jsonForScript, raw, type Markup } from './markup.ts';
import type { ChartRef } from './report-files.ts';

/** A chart the report found among the run's files, with its spec read. */
export interface ReportChart extends ChartRef {
  /** The Vega-Lite spec as written by the charts phase. */
  spec: unknown;
}

export interface ChartText {
  title: string;
  description: string;
}

/** Title and description of a Vega-Lite spec; the file name stands in for a missing title. */
export function chartText(spec: unknown, specPath: string): ChartText {
  const c = specCaption(spec);
  const title = c.title || specPath.split('/').pop()!.replace(/\.vl\.json$/, '');
  const description = c.description || [title, c.subtitle].filter(Boolean).join(' – ');
  return { title, description };
}

const FILE_LABELS: Record<string, string> = { svg: 'image SVG', png: 'image PNG', json: 'spécification Vega-Lite' };

function fileLabel(path: string): string {
  return FILE_LABELS[path.split('.').pop()!] ?? path;
}

/** @param id unique in the page; @param prefix from the page to the report's root ('' or '../') */
export function chartFigure(chart: ReportChart, id: string, prefix: string): Markup {
  const { title, description } = chartText(chart.spec, chart.specPath);
  const files = [...chart.renderings, chart.specPath];
  return html`<figure class="chart" aria-labelledby="${id}-titre">
<div class="chart-view" id="${id}" data-spec="${id}-spec" role="img" aria-label="${description}"><p class="chart-status">${msg.html.chartLoading}</p></div>
<noscript><p>${msg.html.chartNoScript}</p></noscript>
<figcaption><span class="chart-title" id="${id}-titre">${title}</span>${description !== title ? html` <span class="chart-description">${description}</span>` : ''}
<span class="chart-files">${msg.html.chartFiles} ${files.map((f, i) => html`${i ? ', ' : ''}<a href="${hrefOf(prefix, f)}">${fileLabel(f)}</a>`)}</span></figcaption>
<script type="application/json" id="${id}-spec">${raw(jsonForScript(chart.spec))}</script>
</figure>
`;
}

// The frame of every page: language, title, stylesheet, skip link, header,
// main landmark, the footer that carries the run's date (the only text that
// changes between two runs on the same sources), and the chart scripts.

import { msg } from '../../messages/index.ts';
import { REPORT_CSS_PATH, REPORT_SCRIPT_PATH, VENDOR_SCRIPTS } from './assets.ts';
import { hrefOf, html, type Content, type Markup } from './markup.ts';

export interface PageFrame {
  /** The page's <title> and <h1> subject. */
  title: string;
  /** From the page to the report's root: '' or '../'. */
  prefix: string;
  /** Breadcrumb trail above the h1, when the page is not the index. */
  breadcrumb?: Markup;
  body: Content;
  /**
   * The run's date: on the index page only. A quartier or agglomeration page
   * that shows it would differ at every run and never be taken from the
   * previous publication (a scheduled run would redraw all 1 900 pages).
   */
  generatedAt?: string;
  toolVersion: string;
  /** Loads the Vega libraries only where a chart is drawn. */
  withCharts: boolean;
  /** A page whose main table is wide (the index): the full width of the screen, printed on A4 landscape. */
  wide?: boolean;
}

export function page(f: PageFrame): string {
  const scripts = f.withCharts ? [...VENDOR_SCRIPTS, REPORT_SCRIPT_PATH].map((s) => html`<script src="${hrefOf(f.prefix, s)}"></script>\n`) : [];
  return html`<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${f.title} – ${msg.html.siteTitle}</title>
<link rel="stylesheet" href="${hrefOf(f.prefix, REPORT_CSS_PATH)}">
</head>
${f.wide ? html`<body class="large">` : html`<body>`}
<a class="skip-link" href="#contenu">${msg.html.skipLink}</a>
<header class="site-header">
<p><a href="${hrefOf(f.prefix, 'index.html')}">${msg.html.siteTitle}</a></p>
${f.breadcrumb ?? ''}</header>
<main id="contenu" tabindex="-1">
${f.body}</main>
<footer class="site-footer">
<p class="date-du-rapport">${f.generatedAt === undefined ? msg.html.madeBy(f.toolVersion) : msg.html.generated(f.generatedAt, f.toolVersion)}</p>
</footer>
${scripts}</body>
</html>
`.text;
}

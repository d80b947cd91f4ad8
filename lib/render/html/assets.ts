// The report's own assets: its stylesheet (screen and print) and the script
// that hands each inlined spec to vega-embed. The Vega libraries themselves
// are copied beside them by the pipeline.

import { FR_FORMAT_LOCALE, FR_TIME_LOCALE } from '../charts/locale-fr.ts';

/** Paths of the copied libraries, in load order (vega-embed needs the two globals before it). */
export const VENDOR_SCRIPTS = ['assets/vega.min.js', 'assets/vega-lite.min.js', 'assets/vega-embed.min.js'] as const;
export const REPORT_SCRIPT_PATH = 'assets/rapport.js';
export const REPORT_CSS_PATH = 'assets/rapport.css';

export const REPORT_SCRIPT = `// Renders every chart of the page with vega-embed, from the spec inlined beside it.
(function () {
  'use strict';
  var options = {
    renderer: 'svg',
    actions: false,
    tooltip: true,
    formatLocale: ${JSON.stringify(FR_FORMAT_LOCALE)},
    timeFormatLocale: ${JSON.stringify(FR_TIME_LOCALE)},
    i18n: { CLICK_TO_VIEW_ACTIONS: 'Actions', COMPILED_ACTION: 'Vega compilé', EDITOR_ACTION: 'Ouvrir dans l\\u2019éditeur', PNG_ACTION: 'Enregistrer en PNG', SOURCE_ACTION: 'Voir la source', SVG_ACTION: 'Enregistrer en SVG' }
  };
  var views = document.querySelectorAll('.chart-view[data-spec]');
  Array.prototype.forEach.call(views, function (view) {
    var status = view.querySelector('.chart-status');
    var specNode = document.getElementById(view.getAttribute('data-spec'));
    function fail(message) {
      view.setAttribute('data-rendu', 'erreur');
      if (status) status.textContent = 'Graphique indisponible : ' + message;
    }
    if (typeof vegaEmbed !== 'function' || !specNode) return fail('bibliothèque Vega absente');
    var spec;
    try { spec = JSON.parse(specNode.textContent); } catch (e) { return fail(String(e && e.message)); }
    if (status) view.removeChild(status);
    vegaEmbed(view, spec, options).then(function () {
      view.setAttribute('data-rendu', 'ok');
    }, function (e) {
      status = view.appendChild(document.createElement('p'));
      fail(String(e && e.message));
    });
  });
})();
`;

export const REPORT_CSS = `/* Rapport des quartiers : écran et impression (A4). */
:root { --texte: #1b1b1b; --fond: #ffffff; --lien: #0a4b8f; --doux: #4a4a4a; --trait: #b5b5b5; --bande: #f2f4f7;
  --favorable: #1d6b2f; --defavorable: #a1211a; --neutre: #4a4a4a; }
* { box-sizing: border-box; }
html { font-family: system-ui, -apple-system, "Segoe UI", "DejaVu Sans", Arial, sans-serif; color: var(--texte); background: var(--fond); line-height: 1.5; }
body { margin: 0; }
a { color: var(--lien); }
a:focus-visible, [tabindex]:focus-visible { outline: 3px solid #c25400; outline-offset: 2px; }
.skip-link { position: absolute; left: 0.5rem; top: -4rem; background: var(--fond); padding: 0.5rem 1rem; border: 2px solid var(--lien); z-index: 10; }
.skip-link:focus { top: 0.5rem; }
.site-header { background: #12325a; color: #ffffff; padding: 0.75rem 1.5rem; }
.site-header a { color: #ffffff; }
.site-header p { margin: 0; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
main:focus { outline: none; }
h1 { font-size: 1.8rem; margin: 0.5rem 0 0.75rem; }
h2 { font-size: 1.35rem; margin: 2rem 0 0.75rem; border-bottom: 2px solid var(--trait); padding-bottom: 0.2rem; }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.5rem; }
.lead { color: var(--doux); }
nav.fil ol { list-style: none; padding: 0; margin: 0.5rem 0 0; display: flex; gap: 0.5rem; }
nav.fil li + li::before { content: "›"; margin-right: 0.5rem; }
dl.identite { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; }
dl.identite dt { font-weight: 600; }
dl.identite dd { margin: 0; }
.table-scroll { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1rem; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
th, td { border: 1px solid var(--trait); padding: 0.3rem 0.5rem; text-align: left; vertical-align: top; }
thead th { background: var(--bande); }
td.nombre { text-align: right; white-space: nowrap; }
.sens { display: block; font-size: 0.85rem; }
.sens-favorable { color: var(--favorable); }
.sens-defavorable { color: var(--defavorable); }
.sens-neutre, .sens-indetermine { color: var(--neutre); }
.annee-autre { color: var(--doux); font-size: 0.85rem; }
.charts { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 30rem), 1fr)); gap: 1.5rem; }
figure.chart { margin: 0; border: 1px solid var(--trait); padding: 0.75rem; background: var(--fond); }
.chart-view { min-height: 4rem; overflow-x: auto; }
.chart-view svg { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; margin-top: 0.5rem; }
.chart-title { font-weight: 600; display: block; }
.chart-description, .chart-files { display: block; color: var(--doux); }
/* vega-embed's tooltip: darker keys than its default grey (3,9:1), none of the report's table borders. */
#vg-tooltip-element.vg-tooltip { font-size: 13px; color: var(--texte); }
#vg-tooltip-element.vg-tooltip table tr td { border: none; padding: 2px 4px; }
#vg-tooltip-element.vg-tooltip table tr td.key { color: var(--doux); }
.vide { font-style: italic; color: var(--doux); }
/* The index's table of quartiers: every headline indicator in view at 1 366 px, no horizontal scroll. */
body.large main, body.large footer.site-footer { max-width: 100rem; }
table.quartiers { font-size: 0.85rem; }
table.quartiers th, table.quartiers td { padding: 0.25rem 0.35rem; overflow-wrap: break-word; }
table.quartiers td.nombre { white-space: normal; }
table.quartiers .sens, table.quartiers .annee-autre { font-size: 0.8rem; }
table.changements-nombres { width: auto; min-width: 24rem; }
footer.site-footer { border-top: 1px solid var(--trait); color: var(--doux); padding: 1rem 1.5rem; font-size: 0.9rem; max-width: 72rem; margin: 0 auto; }
@media print {
  @page { size: A4 portrait; margin: 14mm 12mm; }
  @page paysage { size: A4 landscape; margin: 12mm 10mm; }
  body.large { page: paysage; }
  html { font-size: 10pt; }
  .skip-link, .site-header nav, nav.fil, .chart-files, .fichiers, noscript { display: none !important; }
  .site-header { background: none; color: var(--texte); padding: 0; border-bottom: 1px solid var(--trait); }
  .site-header a { color: var(--texte); text-decoration: none; }
  main { max-width: none; padding: 0; }
  a { color: var(--texte); text-decoration: none; }
  h2 { break-after: avoid; }
  .charts { display: block; }
  figure.chart { break-inside: avoid; border: none; padding: 0; margin: 0 0 6mm; }
  .chart-view svg { max-width: 100%; max-height: 120mm; height: auto; }
  .table-scroll { overflow: visible; }
  table { font-size: 8.5pt; }
  table.quartiers { font-size: 7.5pt; }
  tr, th, td { break-inside: avoid; }
  thead { display: table-header-group; }
  .vg-tooltip, #vg-tooltip-element { display: none !important; }
}
`;

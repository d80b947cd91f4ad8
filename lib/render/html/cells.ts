// A tidy row's figures as table cells: the value as the convention writes
// it, the reference, the gap, and the reading of the gap in words (never by
// colour alone).

import type { TidyRow } from '../../model/tidy-row.ts';
import { msg } from '../../messages/index.ts';
import { formatGap, formatValue, medianDecimals } from '../portrait/format-value.ts';
import { html, type Markup } from './markup.ts';

export function valueText(row: TidyRow): string {
  return formatValue({ state: row.etat, value: row.valeur, bound: row.borne, decimals: row.decimales, unit: row.unite });
}

export function referenceText(row: TidyRow): string {
  if (row.valeur_reference === null) return msg.html.notAvailable;
  return formatValue({ state: 'valeur', value: row.valeur_reference, bound: row.borne_reference, decimals: row.decimales_reference, unit: row.unite });
}

/** The median of the QPV of France, and the quartier's gap to it: « 42,4 % (−2,2 points) ». */
export function medianText(row: TidyRow): string {
  if (row.mediane_qpv === null) return msg.html.notAvailable;
  const median = formatValue({ state: 'valeur', value: row.mediane_qpv, bound: '', decimals: medianDecimals(row.mediane_qpv, row.decimales, row.unite), unit: row.unite });
  return row.ecart_mediane_qpv === null ? median : `${median} (${formatGap(row.ecart_mediane_qpv, '', row.decimales, row.unite)})`;
}

export function gapText(row: TidyRow): string {
  if (row.ecart_points === null) return msg.html.notAvailable;
  if (row.borne_ecart === '?') return msg.html.reading('indetermine');
  return formatGap(row.ecart_points, row.borne_ecart, Math.max(row.decimales, row.decimales_reference), row.unite);
}

/** « écart défavorable », styled by its class; empty when the row has no reading. */
export function readingMarkup(row: TidyRow): Markup {
  const label = msg.html.readingLabel(row.sens);
  return label ? html` <span class="sens sens-${row.sens}">${label}</span>` : html``;
}

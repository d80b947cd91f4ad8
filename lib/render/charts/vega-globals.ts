// Vega keeps three settings module-wide, shared by every view of a thread:
// the hook that measures text (Vega lays labels out by their width; without
// a canvas it would guess from the number of characters), the number and
// time locales, and the counter behind the ids of SVG definitions (clip
// paths, gradients). This module is the only place that touches them. A
// render thread has one renderer and draws one chart at a time, so what its
// renderer sets holds for every chart it draws.

import * as vega from 'vega';
import { FR_FORMAT_LOCALE, FR_TIME_LOCALE } from './locale-fr.ts';

type TextWidth = (text: string, fontSize: number, bold: boolean) => number;

const scenegraph = vega as unknown as {
  textMetrics: { width: (item: Record<string, unknown>, text: unknown) => number };
  resetSVGDefIds: () => void;
};

let localeSet = false;

/** Vega measures every label with `textWidth` (the shipped font's advance widths), in French number and date formats. */
export function setVegaTextAndLocale(textWidth: TextWidth): void {
  scenegraph.textMetrics.width = (item, text) => {
    const size = typeof item.fontSize === 'number' ? item.fontSize : 11;
    const weight = item.fontWeight;
    const isBold = weight === 'bold' || (typeof weight === 'number' && weight >= 600);
    return textWidth(String(text ?? ''), size, isBold);
  };
  if (!localeSet) {
    vega.formatLocale(FR_FORMAT_LOCALE);
    vega.timeFormatLocale(FR_TIME_LOCALE);
    localeSet = true;
  }
}

/** Before each chart: the SVG's definition ids start again from 1, so that a chart's bytes never depend on the charts drawn before it. */
export function resetSvgDefinitionIds(): void {
  scenegraph.resetSVGDefIds();
}

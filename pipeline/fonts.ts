// The shipped font (DejaVu Sans), read once for the chart renderer.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChartFonts } from '../lib/render/charts/render.ts';

export function loadChartFonts(): ChartFonts {
  const path = (name: string) => fileURLToPath(new URL(`../assets/fonts/${name}`, import.meta.url));
  const regular = path('DejaVuSans.ttf');
  const bold = path('DejaVuSans-Bold.ttf');
  return { family: 'DejaVu Sans', regular: { bytes: readFileSync(regular), path: regular }, bold: { bytes: readFileSync(bold), path: bold } };
}

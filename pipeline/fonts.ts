// The shipped font (DejaVu Sans), read once for the chart renderer.

import { readFileSync } from 'node:fs';
import { repoPath } from './repo-path.ts';
import type { ChartFonts } from '../lib/render/charts/render.ts';

export function loadChartFonts(): ChartFonts {
  const path = (name: string) => repoPath('assets', 'fonts', name);
  const regular = path('DejaVuSans.ttf');
  const bold = path('DejaVuSans-Bold.ttf');
  return { family: 'DejaVu Sans', regular: { bytes: readFileSync(regular), path: regular }, bold: { bytes: readFileSync(bold), path: bold } };
}

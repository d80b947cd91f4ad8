// Phase « cartes »: the quartier maps (graphiques/<code>/carte.*) and the
// territory maps (graphiques/carte-<indicateur>.*, or graphiques/<territoire>/carte-<indicateur>.*
// when the report covers several territories), each as its Vega-Lite
// spec and its SVG and/or PNG renderings.

import type { ChartRenderer } from '../../lib/render/charts/render.ts';
import { planQuartierMaps, planTerritoryMaps, type PlannedMap } from '../../lib/render/maps/report-maps.ts';
import { loadChartFonts } from '../fonts.ts';
import type { OutputPhase } from './phase.ts';
import { quartierMapBase, territoryMapBase } from '../../lib/render/maps/map-files.ts';

let renderer: ChartRenderer | undefined;
let fontFamily = '';

export const mapsPhase: OutputPhase = {
  name: 'cartes',
  formats: ['svg', 'png'],
  async run(model, out, formats, effects) {
    if (!model.geo?.perimeters.length) return { count: 0 };
    if (!renderer) {
      const fonts = loadChartFonts();
      renderer = (await import('../../lib/render/charts/render.ts')).createChartRenderer(fonts);
      fontFamily = fonts.family;
    }
    const r = renderer;
    const text = { font: fontFamily, textWidth: (t: string, size: number) => r.textWidth(t, size) };
    const write = async (base: string, map: PlannedMap) => {
      effects.checkpoint();
      const text = JSON.stringify(map.spec) + '\n';
      await out.write(`${base}.vl.json`, text);
      // Drawn from its spec alone (and the build): the previous rendering is taken when the spec did not change.
      const key = out.keyOf(text);
      const svgWanted = formats.has('svg') && !(await out.reuse(`${base}.svg`, key));
      const pngWanted = formats.has('png') && !(await out.reuse(`${base}.png`, key));
      if (!svgWanted && !pngWanted) return;
      const svg = await r.svg(map.spec);
      if (svgWanted) await out.write(`${base}.svg`, svg, key);
      if (pngWanted) await out.write(`${base}.png`, r.png(svg), key);
    };
    let count = 0;
    for (const map of planQuartierMaps(model, text)) {
      await write(quartierMapBase(map.quartier!), map);
      count++;
    }
    for (const map of planTerritoryMaps(model, text)) {
      await write(territoryMapBase(map.indicator!, map.folder), map);
      count++;
    }
    return { count };
  },
};

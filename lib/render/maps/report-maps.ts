// Which maps a report holds: one per quartier that has a perimeter, and one
// territory map per headline indicator (the portrait's indicators) when at
// least two quartiers can be drawn. Pure: specs out, the pipeline renders
// and writes them.

import type { TopLevelSpec } from 'vega-lite';
import { NO_GEO, type QuartierPerimeter } from '../../model/geo.ts';
import type { ReportModel, QuartierReport } from '../../report/model.ts';
import { msg } from '../../messages/index.ts';
import { latestRows } from '../portrait/portrait.ts';
import { perimeterFiles, perimeterFor } from './perimeter-of.ts';
import { quartierMapSpec } from './quartier-map.ts';
import { territoryMapSpec, type TerritoryQuartier } from './territory-map.ts';

export interface MapText {
  font: string;
  textWidth: (text: string, size: number) => number;
}

export interface PlannedMap {
  /** Quartier code, or undefined for a territory map. */
  quartier?: string;
  /** Indicator id of a territory map. */
  indicator?: string;
  spec: TopLevelSpec;
}

export function quartierPerimeter(model: ReportModel, q: QuartierReport): QuartierPerimeter | undefined {
  const code2015 = q.quartier?.code2015 || q.rows.find((r) => r.quartier_code_2015)?.quartier_code_2015 || '';
  return perimeterFor(model.geo ?? NO_GEO, q.code, code2015);
}

/** The portrait's sentence under « Cartographie »: where the map is, or undefined (the portrait then says « Périmètre non fourni »). */
export function quartierMapNote(model: ReportModel, q: QuartierReport, mapPath: string | null): string | undefined {
  const p = quartierPerimeter(model, q);
  if (!p) return undefined;
  return mapPath ? msg.mapNoteWithPerimeter(mapPath, p.year, perimeterFiles(p)) : msg.mapNoteWithoutMapFile(p.year, perimeterFiles(p));
}

export function planQuartierMaps(model: ReportModel, text: MapText): PlannedMap[] {
  const out: PlannedMap[] = [];
  for (const q of model.quartiers) {
    const perimeter = quartierPerimeter(model, q);
    if (!perimeter) continue;
    const communeCodes = [...new Set([...(q.quartier?.communes.map((c) => c.code) ?? []), ...perimeter.communeCodes])];
    out.push({
      quartier: q.code,
      spec: quartierMapSpec({ code: q.code, name: q.name, status: statusOf(q), perimeter, communes: (model.geo ?? NO_GEO).communes, communeCodes, ...text }),
    });
  }
  return out;
}

export function planTerritoryMaps(model: ReportModel, text: MapText): PlannedMap[] {
  const drawn = model.quartiers.map((q) => ({ q, perimeter: quartierPerimeter(model, q), latest: latestRows(q.rows, model.year) })).filter((x) => x.perimeter);
  if (drawn.length < 2) return [];
  const out: PlannedMap[] = [];
  for (const indicator of model.catalogue.indicators.filter((i) => i.inPortrait)) {
    if (!drawn.some((d) => d.latest.has(indicator.id))) continue;
    const quartiers: TerritoryQuartier[] = drawn.map(({ q, perimeter, latest }) => ({
      code: q.code, name: q.name, status: statusOf(q), perimeter: perimeter!, row: latest.get(indicator.id),
      commune: q.quartier?.communes[0]?.name ?? perimeter!.communeNames[0] ?? '',
    }));
    out.push({ indicator: indicator.id, spec: territoryMapSpec({ indicator, year: model.year, quartiers, communes: (model.geo ?? NO_GEO).communes, ...text }) });
  }
  return out;
}

/** QPV or QIC: from the registry, the rows, or an official QPV code (QP…, QN…). */
function statusOf(q: QuartierReport): string {
  return q.quartier?.status || q.rows.find((r) => r.statut)?.statut || (/^Q[PN]\d/.test(q.code) ? 'QPV' : '');
}

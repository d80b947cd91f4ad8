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
import { safeFileName } from '../../text/safe-file-name.ts';
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
  /** The territory a territory map covers: its folder under graphiques/ ('' when the report has one territory). */
  folder?: string;
  spec: TopLevelSpec;
}

/** The territory a quartier is mapped with: its agglomeration, else its département. */
export interface MapArea {
  key: string;
  /** « CABBALR », « département 31 ». */
  name: string;
  folder: string;
}

/** The département of a quartier code (QP031001, QN03101M → 31; QP971001 → 971), else of its first commune. */
function departementOf(code: string, communeCodes: string[]): string {
  const m = /^Q[PN](\d{3}|02[AB])/.exec(code);
  const raw = m ? m[1]! : communeCodes[0]?.slice(0, communeCodes[0].startsWith('97') ? 3 : 2) ?? '';
  return /^0\d\d$/.test(raw) || /^0\d[AB]$/.test(raw) ? raw.slice(1) : raw;
}

export function mapAreaOf(q: QuartierReport, perimeter: QuartierPerimeter): MapArea {
  const epci = q.quartier?.epci ?? (q.rows[0]?.epci_code ? { code: q.rows[0].epci_code, shortName: q.rows[0].epci, name: q.rows[0].epci } : undefined);
  if (epci?.code) return { key: `epci-${epci.code}`, name: epci.shortName || epci.name || epci.code, folder: `epci-${safeFileName(epci.code)}` };
  const dep = departementOf(q.code, [...(q.quartier?.communes.map((c) => c.code) ?? []), ...perimeter.communeCodes]);
  return { key: `departement-${dep}`, name: msg.mapDepartement(dep), folder: `departement-${safeFileName(dep || 'inconnu')}` };
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

/**
 * One territory map per indicator of the portrait and per territory (the
 * agglomeration; the département of quartiers whose agglomeration is
 * unknown) holding at least two quartiers with a perimeter. A map shows
 * that territory's quartiers and communes only, never the file's other
 * perimeters.
 */
export function planTerritoryMaps(model: ReportModel, text: MapText): PlannedMap[] {
  const drawn = model.quartiers
    .map((q) => ({ q, perimeter: quartierPerimeter(model, q), latest: latestRows(q.rows, model.year) }))
    .filter((x): x is typeof x & { perimeter: QuartierPerimeter } => x.perimeter !== undefined);
  const areas = new Map<string, { area: MapArea; members: typeof drawn }>();
  for (const d of drawn) {
    const area = mapAreaOf(d.q, d.perimeter);
    const a = areas.get(area.key) ?? { area, members: [] };
    a.members.push(d);
    areas.set(area.key, a);
  }
  const mapped = [...areas.values()].filter((a) => a.members.length >= 2).sort((a, b) => (a.area.key < b.area.key ? -1 : 1));
  const out: PlannedMap[] = [];
  const allCommunes = (model.geo ?? NO_GEO).communes;
  for (const { area, members } of mapped) {
    const codes = new Set(members.flatMap(({ q, perimeter }) => [...(q.quartier?.communes.map((c) => c.code) ?? []), ...perimeter.communeCodes]));
    const communes = allCommunes.filter((c) => codes.has(c.code));
    for (const indicator of model.catalogue.indicators.filter((i) => i.inPortrait)) {
      if (!members.some((d) => d.latest.has(indicator.id))) continue;
      const quartiers: TerritoryQuartier[] = members.map(({ q, perimeter, latest }) => ({
        code: q.code, name: q.name, status: statusOf(q), perimeter, row: latest.get(indicator.id),
        commune: q.quartier?.communes[0]?.name ?? perimeter.communeNames[0] ?? '',
      }));
      out.push({
        indicator: indicator.id,
        folder: mapped.length > 1 ? area.folder : '',
        spec: territoryMapSpec({ indicator, year: model.year, quartiers, communes, ...(mapped.length > 1 ? { area: area.name } : {}), ...text }),
      });
    }
  }
  return out;
}

/** QPV or QIC: from the registry, the rows, or an official QPV code (QP…, QN…). */
function statusOf(q: QuartierReport): string {
  return q.quartier?.status || q.rows.find((r) => r.statut)?.statut || (/^Q[PN]\d/.test(q.code) ? 'QPV' : '');
}

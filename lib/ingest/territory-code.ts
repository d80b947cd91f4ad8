// What a territory code designates, from its shape: QP062005 (quartier,
// perimeter 2015), QN06205M (quartier, 2024), 200072460 (EPCI), 62555
// (commune), 062 (département), FRM (France métropolitaine).

import type { Level, Perimeter } from '../model/types.ts';

export interface TerritoryKind {
  level: Level;
  perimeter: Perimeter;
}

const QP2015 = /^QP(?:\d{3}|02[AB])\d{3}$/;
const QP2024 = /^QN(?:\d{3}|02[AB])\d{2}[A-Z]$/;

export function classifyTerritoryCode(code: string, knownQuartiers: ReadonlySet<string>): TerritoryKind | undefined {
  const c = code.trim();
  if (knownQuartiers.has(c)) return { level: 'quartier', perimeter: QP2015.test(c) ? '2015' : '2024' };
  if (QP2015.test(c)) return { level: 'quartier', perimeter: '2015' };
  if (QP2024.test(c)) return { level: 'quartier', perimeter: '2024' };
  if (/^\d{9}$/.test(c)) return { level: 'epci', perimeter: '' };
  if (/^(?:\d{5}|2[AB]\d{3})$/.test(c)) return { level: 'commune', perimeter: '' };
  if (/^(?:\d{2,3}|2[AB]|02[AB])$/.test(c)) return { level: 'departement', perimeter: '' };
  if (/^(?:FR|FRM|FM|FRANCE|FRANCE METROPOLITAINE|METRO)$/i.test(c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))) {
    return { level: 'france', perimeter: '' };
  }
  return undefined;
}

export function isQuartierCode2015(code: string): boolean {
  return QP2015.test(code);
}

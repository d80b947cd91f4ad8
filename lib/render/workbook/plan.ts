// Which workbooks a run produces and which quartiers each holds: one per
// commune convention (the registry's `commune_convention`), one per
// agglomeration (EPCI), and one « hors référentiel » for quartiers the
// registry does not know (their EPCI is unknown too: the tidy rows take it
// from the registry).

import type { QuartierReport, ReportModel } from '../../report/model.ts';
import { workbookText as t } from '../../messages/workbook.ts';
import { workbookFileName } from './file-name.ts';

export type WorkbookKind = 'convention' | 'agglomeration' | 'hors_referentiel';

export interface WorkbookPlan {
  /** Path inside the reports folder, e.g. `classeurs/convention-marles-les-mines.xlsx`. */
  path: string;
  kind: WorkbookKind;
  title: string;
  /** The agglomeration's name (document author). */
  author: string;
  quartiers: QuartierReport[];
}

export const WORKBOOK_FOLDER = 'classeurs';

export function planWorkbooks(model: Pick<ReportModel, 'quartiers'>): { plans: WorkbookPlan[]; outsideRegistry: string[] } {
  const conventions = new Map<string, QuartierReport[]>();
  const epcis = new Map<string, QuartierReport[]>();
  const outside: QuartierReport[] = [];
  for (const q of model.quartiers) {
    const r = q.quartier;
    if (!r) {
      outside.push(q);
      continue;
    }
    const commune = r.conventionCommune || r.communes[0]?.name || r.name;
    push(conventions, `${r.epci.code}|${commune}`, q);
    push(epcis, r.epci.code, q);
  }
  const taken = new Set<string>();
  const plans: WorkbookPlan[] = [];
  for (const qs of conventions.values()) {
    const r = qs[0]!.quartier!;
    const commune = r.conventionCommune || r.communes[0]?.name || r.name;
    plans.push({ path: `${WORKBOOK_FOLDER}/${workbookFileName('convention', commune, taken)}`, kind: 'convention', title: t.conventionTitle(commune), author: r.epci.name, quartiers: qs });
  }
  for (const qs of epcis.values()) {
    const e = qs[0]!.quartier!.epci;
    plans.push({ path: `${WORKBOOK_FOLDER}/${workbookFileName('agglomeration', e.shortName || e.name || e.code, taken)}`, kind: 'agglomeration', title: t.agglomerationTitle(e.shortName, e.name), author: e.name, quartiers: qs });
  }
  if (outside.length) {
    plans.push({ path: `${WORKBOOK_FOLDER}/${workbookFileName('', 'hors référentiel', taken)}`, kind: 'hors_referentiel', title: t.outsideRegistryTitle, author: '', quartiers: outside });
  }
  return { plans, outsideRegistry: outside.map((q) => q.code) };
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

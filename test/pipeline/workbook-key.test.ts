// A workbook's key holds everything the workbook shows: a workbook built
// from fields of the model the key leaves out would be reused stale.

import { describe, expect, it } from 'vitest';
import { buildWorkbook } from '../../lib/render/workbook/build-workbook.ts';
import { planWorkbooks } from '../../lib/render/workbook/plan.ts';
import type { ReportModel } from '../../lib/report/model.ts';
import { WORKBOOK_MODEL_FIELDS, workbookMadeFrom } from '../../pipeline/phases/workbook-key.ts';
import { bundledModel, layout } from '../render/workbook/fixtures.ts';
import { watchFields } from '../helpers/fields-read.ts';

describe('workbookMadeFrom', () => {
  it('covers every field of the model that buildWorkbook reads', async () => {
    const model = await bundledModel();
    const { watched, read } = watchFields(model);
    for (const plan of planWorkbooks(model).plans) await buildWorkbook(plan, watched, new Map(), { layout });
    // `rows` only gives the document's date, which the key holds; the key holds the workbook's own `changes`.
    const covered = new Set<string>([...WORKBOOK_MODEL_FIELDS, 'rows', 'changes']);
    expect([...read].filter((f) => !covered.has(f))).toEqual([]);
  });

  it('changes with the workbook’s own rows and charts, not with another quartier’s', async () => {
    const model = await bundledModel();
    const [a, b] = model.quartiers;
    const plan = planWorkbooks({ quartiers: [a!] }).plans[0]!;
    const folders = [`graphiques/${a!.code}`];
    const written = new Map([[`graphiques/${a!.code}/evolution.png`, { sha256: 'x', bytes: 1 }], [`graphiques/${b!.code}/evolution.png`, { sha256: 'y', bytes: 1 }]]);
    const base = workbookMadeFrom(plan, model, folders, written);
    const otherChart = new Map(written).set(`graphiques/${b!.code}/evolution.png`, { sha256: 'z', bytes: 1 });
    expect(workbookMadeFrom(plan, model, folders, otherChart)).toBe(base);
    const ownChart = new Map(written).set(`graphiques/${a!.code}/evolution.png`, { sha256: 'z', bytes: 1 });
    expect(workbookMadeFrom(plan, model, folders, ownChart)).not.toBe(base);
    const changed = (m: ReportModel, code: string): ReportModel => ({
      ...m,
      quartiers: m.quartiers.map((q) => (q.code === code ? { ...q, rows: q.rows.map((r, i) => (i === 0 ? { ...r, valeur: (r.valeur ?? 0) + 1 } : r)) } : q)),
    });
    const otherRows = changed(model, b!.code);
    expect(workbookMadeFrom(planWorkbooks({ quartiers: [otherRows.quartiers[0]!] }).plans[0]!, otherRows, folders, written)).toBe(base);
    // A corrected source file changes its sha256, which no workbook shows.
    const corrected = { ...model, files: model.files.map((f) => ({ ...f, sha256: '0'.repeat(64) })) };
    expect(workbookMadeFrom(plan, corrected, folders, written)).toBe(base);
    // « Ce qui a changé »: another quartier's change leaves the key, one of its own changes it.
    const change = (code: string) => ({ type: 'chiffre_revise' as const, quartier_code: code, quartier: '', epci_code: 'autre', indicateur: 'ips', libelle: '', unite: '', perimetre: '', avant: null, apres: null });
    const withChanges = (code: string): ReportModel => ({ ...model, changes: { previous: '2026-01-01T00:00:00.000Z', changes: [change(code)] } });
    const noOwnChange = workbookMadeFrom(plan, withChanges(b!.code), folders, written);
    expect(workbookMadeFrom(plan, { ...withChanges(b!.code), changes: { previous: '2027-01-01T00:00:00.000Z', changes: [change(b!.code)] } }, folders, written)).toBe(noOwnChange);
    expect(workbookMadeFrom(plan, withChanges(a!.code), folders, written)).not.toBe(noOwnChange);
    const ownRows = changed(model, a!.code);
    expect(workbookMadeFrom(planWorkbooks({ quartiers: [ownRows.quartiers[0]!] }).plans[0]!, ownRows, folders, written)).not.toBe(base);
  });

  it('sees the charts its run wrote since an earlier key, only those of the workbook’s own folders', async () => {
    const model = await bundledModel();
    const [a] = model.quartiers;
    const plan = planWorkbooks({ quartiers: [a!] }).plans[0]!;
    const folders = [`graphiques/${a!.code}`];
    const written = new Map([[`graphiques/${a!.code}/ecarts.png`, { sha256: 'x', bytes: 1 }]]);
    const first = workbookMadeFrom(plan, model, folders, written);
    written.set(`graphiques/${a!.code}/sous-dossier/ecarts.png`, { sha256: 'y', bytes: 1 });
    written.set(`graphiques/autre/ecarts.png`, { sha256: 'y', bytes: 1 });
    expect(workbookMadeFrom(plan, model, folders, written)).toBe(first);
    written.set(`graphiques/${a!.code}/trajectoires.png`, { sha256: 'y', bytes: 1 });
    const second = workbookMadeFrom(plan, model, folders, written);
    expect(second).not.toBe(first);
    // The same key as from the finished list read afresh.
    expect(second).toBe(workbookMadeFrom(plan, model, folders, new Map(written)));
  });
});

// A page's key holds everything the page shows: a page built from fields of
// the model the key leaves out would be reused stale.

import { describe, expect, it } from 'vitest';
import { renderQuartierPage } from '../../lib/render/html/quartier-page.ts';
import { renderAgglomerationPage } from '../../lib/render/html/agglomeration-page.ts';
import type { SiteInput } from '../../lib/render/html/site.ts';
import { PAGE_MODEL_FIELDS, quartierPageMadeFrom } from '../../pipeline/phases/page-keys.ts';
import { bundledModel } from '../render/workbook/fixtures.ts';
import { watchFields } from '../helpers/fields-read.ts';

describe('page keys', () => {
  it('cover every field of the model that a quartier or agglomeration page reads', async () => {
    const model = await bundledModel();
    const { watched, read } = watchFields(model);
    const site: SiteInput = { model: watched, charts: [], files: { workbooks: [], tidyCsv: 'indicateurs.csv', portraits: new Map() }, quartierPage: (c) => `quartiers/${c}.html` };
    for (const q of model.quartiers) renderQuartierPage(site, q);
    renderAgglomerationPage(site, { path: 'agglomerations/a.html', name: 'A', quartiers: model.quartiers, charts: [] });
    // The key holds a quartier page's own `changes` (see quartierChanges).
    const covered = new Set<string>([...PAGE_MODEL_FIELDS, 'changes']);
    expect([...read].filter((f) => !covered.has(f))).toEqual([]);
  });

  it('change with the quartier’s own charts and rows, not with another quartier’s', async () => {
    const model = await bundledModel();
    const [a, b] = model.quartiers;
    const site = { model, files: { workbooks: [], tidyCsv: null, portraits: new Map<string, string>() }, quartierPage: (c: string) => `quartiers/${c}.html` };
    const ref = { specPath: `graphiques/${a!.code}/evolution.vl.json`, quartier: a!.code, agglomeration: null, renderings: [] };
    const written = new Map([[ref.specPath, { sha256: 'x', bytes: 1 }], [`graphiques/${b!.code}/evolution.vl.json`, { sha256: 'y', bytes: 1 }]]);
    const base = quartierPageMadeFrom(site, a!, [ref], written);
    expect(quartierPageMadeFrom(site, a!, [ref], new Map(written).set(`graphiques/${b!.code}/evolution.vl.json`, { sha256: 'z', bytes: 1 }))).toBe(base);
    expect(quartierPageMadeFrom(site, a!, [ref], new Map(written).set(ref.specPath, { sha256: 'z', bytes: 1 }))).not.toBe(base);
    expect(quartierPageMadeFrom(site, { ...a!, rows: a!.rows.slice(1) }, [ref], written)).not.toBe(base);
    // « Ce qui a changé »: another quartier's change leaves the key, one of its own changes it.
    const change = (code: string) => ({ type: 'chiffre_revise' as const, quartier_code: code, quartier: '', epci_code: '', indicateur: 'ips', libelle: '', unite: '', perimetre: '', avant: null, apres: null });
    const withChange = (code: string, previous: string) => ({ ...site, model: { ...model, changes: { previous, changes: [change(code)] } } });
    const noOwnChange = quartierPageMadeFrom(withChange(b!.code, '2026-01-01'), a!, [ref], written);
    expect(quartierPageMadeFrom(withChange(b!.code, '2027-01-01'), a!, [ref], written)).toBe(noOwnChange);
    expect(quartierPageMadeFrom(withChange(a!.code, '2026-01-01'), a!, [ref], written)).not.toBe(noOwnChange);
    // The run date is on the index page only: another date leaves a quartier page as it was (reused by a scheduled run).
    expect(quartierPageMadeFrom({ ...site, model: { ...model, generatedAt: '2030-01-01T00:00:00.000Z' } }, a!, [ref], written)).toBe(base);
    // Another tool version is shown on every page.
    expect(quartierPageMadeFrom({ ...site, model: { ...model, toolVersion: '9.9.9' } }, a!, [ref], written)).not.toBe(base);
  });

  it('hold the link to the agglomeration page, not the rows of the agglomeration’s other quartiers', async () => {
    const model = await bundledModel();
    const [a, b] = model.quartiers;
    const files = { workbooks: [], tidyCsv: null, portraits: new Map<string, string>() };
    // As the HTML phase gives it: the agglomeration's page with its quartiers.
    const withPage = (quartiers: typeof model.quartiers, path = 'agglomerations/epci-1.html') => ({
      model, files, quartierPage: (c: string) => `quartiers/${c}.html`, agglomerationPage: () => ({ path, name: 'Agglo', quartiers }),
    });
    const base = quartierPageMadeFrom(withPage([a!, b!]), a!, [], new Map());
    expect(quartierPageMadeFrom(withPage([a!, { ...b!, rows: b!.rows.slice(1) }]), a!, [], new Map())).toBe(base);
    expect(quartierPageMadeFrom(withPage([a!, b!], 'agglomerations/epci-2.html'), a!, [], new Map())).not.toBe(base);
  });
});

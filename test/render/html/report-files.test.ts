// Finding the files the report links to among the paths a run wrote.

import { describe, expect, it } from 'vitest';
import { classifyReportFiles, workbooksOf } from '../../../lib/render/html/report-files.ts';
import { chartText } from '../../../lib/render/html/chart-figure.ts';

describe('classifyReportFiles', () => {
  const codes = new Map([['QN06205M', 'QN06205M'], ['QP_1', 'QP/1']]);
  it('finds quartier and agglomeration charts with their renderings, workbooks, portraits and the tidy CSV', () => {
    const written = [
      'indicateurs.csv', 'manifest.json', 'portraits/QN06205M.md', 'portraits/QP_1.md', 'portraits/inconnu.md',
      'graphiques/QN06205M/pauvrete.vl.json', 'graphiques/QN06205M/pauvrete.svg', 'graphiques/QN06205M/pauvrete.png',
      'graphiques/QP_1/emploi.vl.json', 'graphiques/ensemble.vl.json', 'graphiques/ensemble.png',
      'graphiques/inconnu/x.vl.json', 'graphiques/QN06205M/deep/x.vl.json', 'graphiques/QN06205M/notes.json',
      'classeurs/Marles-les-Mines.xlsx', 'classeurs/tmp/x.xlsx',
    ];
    const refs = classifyReportFiles(written, codes);
    expect(refs.charts).toEqual([
      { specPath: 'graphiques/QN06205M/pauvrete.vl.json', quartier: 'QN06205M', agglomeration: null, renderings: ['graphiques/QN06205M/pauvrete.svg', 'graphiques/QN06205M/pauvrete.png'] },
      { specPath: 'graphiques/QP_1/emploi.vl.json', quartier: 'QP/1', agglomeration: null, renderings: [] },
      { specPath: 'graphiques/ensemble.vl.json', quartier: null, agglomeration: null, renderings: ['graphiques/ensemble.png'] },
    ]);
    expect(refs.workbooks).toEqual(['classeurs/Marles-les-Mines.xlsx']);
    expect(refs.tidyCsv).toBe('indicateurs.csv');
    expect([...refs.portraits]).toEqual([['QN06205M', 'portraits/QN06205M.md'], ['QP/1', 'portraits/QP_1.md']]);
    expect(refs.unplacedCharts).toEqual(['graphiques/inconnu/x.vl.json']);
    expect(classifyReportFiles([], codes).tidyCsv).toBeNull();
  });

  it('places the charts of each agglomeration folder of a report of several agglomerations', () => {
    const written = ['graphiques/epci-200072460/indices.vl.json', 'graphiques/epci-200072460/indices.svg', 'graphiques/epci-999/x.vl.json', 'graphiques/QN06205M/a.vl.json'];
    const refs = classifyReportFiles(written, codes, new Set(['epci-200072460']));
    expect(refs.charts).toEqual([
      { specPath: 'graphiques/QN06205M/a.vl.json', quartier: 'QN06205M', agglomeration: null, renderings: [] },
      { specPath: 'graphiques/epci-200072460/indices.vl.json', quartier: null, agglomeration: 'epci-200072460', renderings: ['graphiques/epci-200072460/indices.svg'] },
    ]);
    expect(refs.unplacedCharts).toEqual(['graphiques/epci-999/x.vl.json']);
  });
});

describe('workbooksOf', () => {
  const all = ['classeurs/CABBALR.xlsx', 'classeurs/marles_les_mines.xlsx', 'classeurs/Auchel.xlsx'];
  it('keeps the workbooks named after the commune convention or the agglomeration, folding case and accents', () => {
    expect(workbooksOf(all, ['Marles-les-Mînes', 'CABBALR'])).toEqual(['classeurs/CABBALR.xlsx', 'classeurs/marles_les_mines.xlsx']);
  });
  it('falls back to every workbook when none is recognisable by name', () => {
    expect(workbooksOf(all, ['Lens', 'CALL'])).toEqual(all);
    expect(workbooksOf([], ['Lens'])).toEqual([]);
  });
});

describe('chartText', () => {
  it('reads the title as a string, an array or an object, and the description', () => {
    expect(chartText({ title: 'Titre', description: 'Desc' }, 'graphiques/a.vl.json')).toEqual({ title: 'Titre', description: 'Desc' });
    expect(chartText({ title: ['Ligne 1', 'ligne 2'] }, 'x')).toEqual({ title: 'Ligne 1 ligne 2', description: 'Ligne 1 ligne 2' });
    expect(chartText({ title: { text: 'T', subtitle: 'S' } }, 'x')).toEqual({ title: 'T', description: 'T – S' });
  });
  it('names a chart without title after its file', () => {
    expect(chartText({}, 'graphiques/QN/pauvrete.vl.json')).toEqual({ title: 'pauvrete', description: 'pauvrete' });
    expect(chartText(null, 'graphiques/b.vl.json').title).toBe('b');
  });
});

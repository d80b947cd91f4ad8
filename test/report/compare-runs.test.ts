// compareFigures: what changed between two published tidy tables.

import { describe, expect, it } from 'vitest';
import { changeCounts, changesCsv, changesFromCsv, compareFigures, figuresFromTidyCsv, latestYears } from '../../lib/report/compare-runs.ts';
import { changeDetail } from '../../lib/messages/changes.ts';

const HEADER = 'quartier_code,quartier,indicateur,libelle,unite,perimetre,annee,valeur,borne,etat,decimales,ecart_points';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';
const T = 'Q1,Les Tilleuls,taux_pauvrete,Taux de pauvreté,pct,2024';
const E = 'Q1,Les Tilleuls,taux_emploi_15_64,Taux d’emploi,pct,2024';

describe('compareFigures', () => {
  const before = figuresFromTidyCsv(csv(
    `${T},2015,40,=,valeur,0,20`,
    `${T},2018,39,=,valeur,0,19`,
    `${T},2019,38,=,valeur,0,18`,
    `${E},2016,50,=,valeur,0,-10`,
    'Q2,La Gare,ips,IPS,indice,2024,2021,90,=,valeur,0,-12',
    'Q3,Le Bourg,ips,IPS,indice,2024,2021,95,=,valeur,0,-7',
  ));
  const after = figuresFromTidyCsv(csv(
    `${T},2015,40,=,valeur,0,20`,
    `${T},2018,39.5,=,valeur,1,19.5`,
    `${T},2019,38,=,valeur,0,18`,
    `${T},2020,41,=,valeur,0,22`,
    `${E},2016,50,=,valeur,0,-10`,
    `${E},2021,55,=,valeur,0,-5`,
    'Q1,Les Tilleuls,revenu_median,Revenu médian,euros,2024,2021,15000,=,valeur,0,-5000',
    'Q2,La Gare,ips,IPS,indice,2024,2021,90,=,valeur,0,-12',
    'Q4,Les Prés,ips,IPS,indice,2024,2021,99,=,valeur,0,-3',
  ));

  it('lists new years and indicators, revisions, gaps compared five years apart, quartiers in and out', () => {
    const c = compareFigures(before, after);
    expect(c.map((x) => [x.quartier_code, x.type, x.indicateur, x.avant?.annee ?? null, x.apres?.annee ?? null])).toEqual([
      ['Q1', 'nouvel_indicateur', 'revenu_median', null, 2021],
      ['Q1', 'nouvelle_annee', 'taux_pauvrete', null, 2020],
      ['Q1', 'nouvelle_annee', 'taux_emploi_15_64', null, 2021],
      ['Q1', 'chiffre_revise', 'taux_pauvrete', 2018, 2018],
      // 2019 → 2020 is one year: the gap is compared with 2015, five years earlier (20 → 22 points).
      ['Q1', 'ecart_creuse', 'taux_pauvrete', 2015, 2020],
      // 2016 → 2021 is five years: compared directly (−10 → −5 points).
      ['Q1', 'ecart_resserre', 'taux_emploi_15_64', 2016, 2021],
      ['Q3', 'quartier_sorti', '', null, null],
      ['Q4', 'quartier_apparu', '', null, null],
    ]);
    expect(changeDetail(c[3]!)).toBe('2018 : 39 % → 39,5 % (écart à la référence : +19,0 points → +19,5 points)');
    expect(changeDetail(c[4]!)).toBe('écart à la référence : +20,0 points (2015) → +22,0 points (2020)');
    expect(changeCounts(c)).toEqual([['quartier_apparu', 1], ['quartier_sorti', 1], ['nouvel_indicateur', 1], ['nouvelle_annee', 2], ['chiffre_revise', 1], ['ecart_creuse', 1], ['ecart_resserre', 1]]);
  });

  it('finds nothing between a table and itself, and no gap change between consecutive vintages alone', () => {
    expect(compareFigures(after, after)).toEqual([]);
    const near = figuresFromTidyCsv(csv(`${T},2019,38,=,valeur,0,18`, `${T},2020,45,=,valeur,0,25`));
    expect(compareFigures(near.slice(0, 1), near).map((x) => x.type)).toEqual(['nouvelle_annee']);
  });

  it('reads its own CSV back, and says which vintages a table holds', () => {
    const published = { previous: '2026-03-01T00:00:00.000Z', changes: compareFigures(before, after) };
    // Equal down to the order of the fields, which workbook keys hash as JSON.
    expect(JSON.stringify(changesFromCsv(changesCsv(published)))).toBe(JSON.stringify(published));
    expect(latestYears(after)).toEqual([2020, 2021]);
  });
});

// compareRuns: the latest reading of each quartier × indicator, before and after.

import { describe, expect, it } from 'vitest';
import { compareRuns } from '../../lib/report/compare-runs.ts';
import { changesReport } from '../../lib/messages/cli.ts';

const HEADER = 'quartier_code,quartier,indicateur,libelle,unite,annee,valeur,etat,ecart_points,sens';
const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n') + '\r\n';

describe('compareRuns', () => {
  const before = csv(
    'Q1,Les Tilleuls,taux_pauvrete,Taux de pauvreté,pct,2020,40,valeur,20,defavorable',
    'Q1,Les Tilleuls,taux_pauvrete,Taux de pauvreté,pct,2021,38,valeur,18,defavorable',
    'Q1,Les Tilleuls,taux_emploi_15_64,Taux d\'emploi,pct,2021,50,valeur,-10,defavorable',
    'Q1,Les Tilleuls,part_parc_social,Part du parc social,pct,2021,60,valeur,30,neutre',
    'Q2,La Gare,ips,IPS,indice,2021,90,valeur,-12,defavorable',
    'Q2,La Gare,population,Population,habitants,2021,1000,valeur,,neutre',
  );
  const after = csv(
    'Q1,Les Tilleuls,taux_pauvrete,Taux de pauvreté,pct,2021,38,valeur,18,defavorable',
    'Q1,Les Tilleuls,taux_pauvrete,Taux de pauvreté,pct,2022,41,valeur,21.5,defavorable',
    'Q1,Les Tilleuls,taux_emploi_15_64,Taux d\'emploi,pct,2022,62,valeur,2,favorable',
    'Q1,Les Tilleuls,part_parc_social,Part du parc social,pct,2022,60.05,valeur,30.05,neutre',
    'Q2,La Gare,ips,IPS,indice,2022,,secret,,',
    'Q2,La Gare,ips,IPS,indice,2021,90,valeur,-12,defavorable',
    'Q2,La Gare,revenu_median,Revenu médian,euros,2022,15000,valeur,-5000,defavorable',
  );

  it('finds readings that flipped and gaps that widened or narrowed beyond the threshold', () => {
    const c = compareRuns(before, after);
    expect(c.flipped.map((x) => x.indicateur)).toEqual(['taux_emploi_15_64']);
    expect(c.flipped[0]!.before).toEqual({ annee: 2021, valeur: '50', ecart: -10, sens: 'defavorable' });
    expect(c.widened.map((x) => [x.indicateur, x.before.ecart, x.after.ecart])).toEqual([['taux_pauvrete', 18, 21.5]]);
    expect(c.narrowed.map((x) => x.indicateur)).toEqual(['taux_emploi_15_64']);
    // A secret value does not replace the latest value read; 0,05 point is under the threshold.
    expect([...c.widened, ...c.narrowed].map((x) => x.indicateur)).not.toContain('ips');
    expect([...c.widened, ...c.narrowed].map((x) => x.indicateur)).not.toContain('part_parc_social');
    expect(c.added.map((x) => x.indicateur)).toEqual(['revenu_median']);
    expect(c.removed.map((x) => x.indicateur)).toEqual(['population']);
    expect(compareRuns(before, after, 0.01).widened.map((x) => x.indicateur)).toContain('part_parc_social');
  });

  it('says it in French, one line per change and a summary', () => {
    const lines = changesReport(compareRuns(before, after), 2021, 2022);
    expect(lines[0]).toBe('Ce qui a changé entre les rapports 2021 et 2022 :');
    expect(lines).toContain('  lecture inversée — Les Tilleuls, « Taux d\'emploi » : défavorable (2021) → favorable (2022)');
    expect(lines).toContain('  écart creusé — Les Tilleuls, « Taux de pauvreté » : +18,0 points (2021) → +21,5 points (2022)');
    expect(lines).toContain('  écart réduit — Les Tilleuls, « Taux d\'emploi » : −10,0 points (2021) → +2,0 points (2022)');
    expect(lines[lines.length - 1]).toBe('1 lecture inversée, 1 écart creusé, 1 écart réduit.');
    expect(changesReport(compareRuns(before, before), 2021, 2021).slice(1)).toEqual(['Aucune lecture inversée, aucun écart qui se creuse ou se réduit.']);
  });
});

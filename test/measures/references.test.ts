// Gaps, ratios, indices and readings against the EPCI, the commune and
// France, on the convention's figures (portrait statistique, Marles-les-Mines).

import { describe, expect, it } from 'vitest';
import { normalizeAgainstBaseline } from '../../lib/measures/baseline.ts';
import { CATALOGUE, EPCI, REGISTRY, fig } from './build.ts';

const rows = normalizeAgainstBaseline({
  registry: REGISTRY,
  catalogue: CATALOGUE,
  figures: [
    fig('QP062005', 'taux_pauvrete', 2022, 40.2, '=', { perimeter: '2015' }),
    fig(EPCI, 'taux_pauvrete', 2022, 18.8),
    fig('QIC-62555-01', 'taux_pauvrete', 2024, 30, '>'),
    fig(EPCI, 'taux_pauvrete', 2024, 18.8),
    fig('62555', 'taux_pauvrete', 2024, 27.5),
    fig('FRM', 'taux_pauvrete', 2024, 14.5),
    fig('QP062005', 'ips', 2022, 79.9, '=', { perimeter: '2015' }),
    fig(EPCI, 'ips', 2022, 104),
    fig('QP062005', 'taux_emploi_15_64', 2022, 40.4, '=', { perimeter: '2015' }),
    fig(EPCI, 'taux_emploi_15_64', 2022, 58.8),
  ],
});
const row = (q: string, ind: string, year: number) => rows.find((r) => r.quartier_code === q && r.indicateur === ind && r.annee === year)!;

describe('the convention\'s figures against the agglomeration', () => {
  it('QPV taux de pauvreté: gap +21,4 points, ratio 2,14, index 214, défavorable', () => {
    const r = row('QN06205M', 'taux_pauvrete', 2022);
    // 40,2 − 18,8 = 21,4 ; 40,2 / 18,8 = 2,1383 ; 100 × 2,1383 = 213,83
    expect(r.ecart_points).toBe(21.4);
    expect(r.borne_ecart).toBe('=');
    expect(Number(r.ratio!.toFixed(2))).toBe(2.14);
    expect(Math.round(r.indice!)).toBe(214);
    expect(r.sens).toBe('defavorable');
  });

  it('QIC taux de pauvreté « + de 30 % »: gap « plus de 11,2 points », never an equality', () => {
    const r = row('QIC-62555-01', 'taux_pauvrete', 2024);
    expect(r.ecart_points).toBe(11.2);
    expect(r.borne_ecart).toBe('>');
    expect(r.borne_ratio).toBe('>');
    // 30 / 18,8 = 1,5957: « plus de 160 » once rounded
    expect(Math.round(r.indice!)).toBe(160);
    expect(r.sens).toBe('defavorable');
  });

  it('IPS and taux d\'emploi: a negative gap is défavorable when a rise is favourable', () => {
    expect(row('QN06205M', 'ips', 2022)).toMatchObject({ ecart_points: -24.1, sens: 'defavorable' });
    expect(row('QN06205M', 'taux_emploi_15_64', 2022)).toMatchObject({ ecart_points: -18.4, sens: 'defavorable' });
  });

  it('commune and France métropolitaine references where the sources give them', () => {
    const r = row('QIC-62555-01', 'taux_pauvrete', 2024);
    // > 30 − 27,5 = « plus de 2,5 » ; > 30 − 14,5 = « plus de 15,5 »
    expect(r).toMatchObject({ commune_reference_code: '62555', valeur_commune: 27.5, ecart_commune: 2.5, borne_ecart_commune: '>' });
    expect(r).toMatchObject({ valeur_france: 14.5, ecart_france: 15.5, borne_ecart_france: '>' });
    expect(row('QN06205M', 'taux_pauvrete', 2022)).toMatchObject({ commune_reference_code: '62555', valeur_commune: null, ecart_commune: null, borne_ecart_commune: '' });
  });

  it('no reference: empty gap and empty reading', () => {
    const only = normalizeAgainstBaseline({ registry: REGISTRY, catalogue: CATALOGUE, figures: [fig('QIC-62555-01', 'taux_pauvrete', 2020, 31)] });
    expect(only[0]).toMatchObject({ reference: '', ecart_points: null, sens: '', borne_ecart: '' });
  });
});

// Small builders of figures, registries and catalogues for the measures' tests.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Bound, Catalogue, Figure, Indicator, Polarity, Quartier, Registry, SchoolIps } from '../../lib/model/types.ts';

export const EPCI = '200072460';

export function indicator(id: string, polarity: Polarity, order = 10, unit: Indicator['unit'] = 'pct'): Indicator {
  return { id, label: id, portraitLabel: id, unit, polarity, order, aliases: [], referencePhrase: '', inPortrait: true };
}

export const CATALOGUE: Catalogue = {
  indicators: [
    indicator('taux_pauvrete', 'baisse_favorable', 30),
    indicator('ips', 'hausse_favorable', 60, 'indice'),
    indicator('taux_emploi_15_64', 'hausse_favorable', 70),
    indicator('part_parc_social', 'neutre', 90),
    indicator('revenu_median', 'hausse_favorable', 100, 'euros'),
  ],
};

export function quartier(code: string, code2015 = '', communes = [{ code: '62555', name: 'Marles-les-Mines' }], epci = EPCI): Quartier {
  return { code, code2015, name: `Quartier ${code}`, status: 'QPV', communes, conventionCommune: (communes.find((c) => c.name === 'Marles-les-Mines') ?? communes[0]!).name, epci: { code: epci, name: 'CABBALR', shortName: 'CABBALR' } };
}

export const REGISTRY: Registry = {
  quartiers: [
    quartier('QN06205M', 'QP062005', [{ code: '62048', name: 'Auchel' }, { code: '62194', name: 'Calonne-Ricouart' }, { code: '62555', name: 'Marles-les-Mines' }]),
    quartier('QIC-62555-01'),
  ],
  precedence: [],
};

/** One figure: `text` is read like a source cell ("+ de 30", "environ 990", "40,2"). */
export function fig(territory: string, indicatorId: string, year: number, value: number | null, bound: Bound = '=', extra: Partial<Figure> = {}): Figure {
  const level = /^\d{9}$/.test(territory) ? 'epci' : /^\d{5}$/.test(territory) ? 'commune' : /^FR/.test(territory) ? 'france' : 'quartier';
  return {
    territory, level, territoryName: '', indicator: indicatorId, year, value, bound, state: value === null ? 'secret' : 'valeur', decimals: 1,
    sourceText: value === null ? 's' : String(value), perimeter: level === 'quartier' ? '2024' : '', sourceLabel: `Test ${year}`,
    at: { file: 'test.csv', line: 1, column: indicatorId }, ...extra,
  };
}

const FIXTURES = fileURLToPath(new URL('../fixtures/real/', import.meta.url));

/** The ministry's IPS rows of the fixture slices as SchoolIps records (a test-side reader). */
export function realSchools(): SchoolIps[] {
  const out: SchoolIps[] = [];
  for (const [file, level] of [['ips_ecoles_2021_marles_auchel_calonne.csv', 'ecole'], ['ips_colleges_2022_marles_auchel_calonne.csv', 'college']] as const) {
    const [head, ...lines] = readFileSync(FIXTURES + file, 'utf8').trim().split('\n');
    const h = head!.split(';');
    lines.forEach((line, n) => {
      const c = line.split(';');
      const get = (name: string) => c[h.indexOf(name)] ?? '';
      const ips = get('IPS');
      out.push({
        uai: get('UAI'), name: get("Nom de l'établissment"), communeCode: get('Code INSEE de la commune'), communeName: get('Nom de la commune'),
        sector: get('Secteur'), year: Number(get('Rentrée scolaire').slice(0, 4)), schoolYear: get('Rentrée scolaire'), level,
        pupils: h.includes('Effectifs') ? Number(get('Effectifs')) : null, ips: ips === 'NS' ? null : Number(ips), state: ips === 'NS' ? 'secret' : 'valeur',
        at: { file, line: n + 2, column: 'IPS' },
      });
    });
  }
  return out;
}

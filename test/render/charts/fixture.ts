// Report models for the chart tests: the bundled sources as they are, and a
// variant with the quirks the bundled data lacks (a secret, an upper bound,
// 2030 targets, declared enjeux, a second EPCI).

import { loadBundled } from '../../helpers/bundled.ts';
import { buildReportModel, type ReportModel } from '../../../lib/report/model.ts';
import type { TidyRow } from '../../../lib/model/tidy-row.ts';
import { normalizeAgainstBaseline } from '../../../lib/measures/baseline.ts';
import { realSchools } from '../../measures/build.ts';

export const QUIRKS_CODE = 'QN59999Z';

export async function bundledModel(): Promise<ReportModel> {
  const { sources, rows } = await loadBundled();
  return buildReportModel({ sources, rows, year: 2024, generatedAt: '2024-01-01T00:00:00.000Z', toolVersion: 'test' });
}

export async function quirksModel(): Promise<ReportModel> {
  const { sources, rows } = await loadBundled();
  const extra: TidyRow[] = rows
    .filter((r) => r.quartier_code === 'QN06205M')
    .map((r) => {
      const row: TidyRow = { ...r, quartier_code: QUIRKS_CODE, quartier_code_2015: '', quartier: 'Quartier d’essai « Les Tilleuls »', epci_code: '200000001', epci: 'CA d’essai' };
      if (r.indicateur === 'taux_emploi_15_64' && r.annee === 2022) {
        Object.assign(row, { etat: 'secret', valeur: null, valeur_source: 's', ecart_points: null, ratio: null, indice: null, sens: '', borne_ecart: '', borne_ratio: '' });
      }
      if (r.indicateur === 'part_16_25_neet' && r.annee === 2022) {
        Object.assign(row, { borne: '<', valeur: 20, valeur_source: 'moins de 20 %', ecart_points: -3.5, borne_ecart: '<', ratio: 0.851, indice: 85.1, borne_ratio: '<', sens: 'favorable', decimales: 0 });
      }
      if (r.indicateur === 'taux_pauvrete' && r.annee === 2015) Object.assign(row, { etat: 'secret', valeur: null, valeur_source: 's' });
      return row;
    });
  const at = { file: 'cibles/cibles.csv', line: 2, column: 'cible' };
  const withQuirks = {
    ...sources,
    targets: [
      { quartier: QUIRKS_CODE, indicator: 'taux_pauvrete', year: 2030, kind: 'valeur' as const, value: 35, at },
      { quartier: 'QN06205M', indicator: 'taux_pauvrete', year: 2030, kind: 'ecart' as const, value: 15, at },
    ],
    enjeux: [
      { enjeu: 'Enjeu 1', enjeuLabel: 'Des quartiers attentifs aux habitants les plus fragiles', objective: 'Réduire la pauvreté', indicator: 'taux_pauvrete' },
      { enjeu: 'Enjeu 2', enjeuLabel: 'Des quartiers d’émancipation pour tous', objective: 'Insertion', indicator: 'taux_emploi_15_64' },
      { enjeu: 'Enjeu 2', enjeuLabel: 'Des quartiers d’émancipation pour tous', objective: 'Insertion', indicator: 'part_16_25_neet' },
    ],
  };
  return buildReportModel({ sources: withQuirks, rows: [...rows, ...extra], year: 2024, generatedAt: '2024-01-01T00:00:00.000Z', toolVersion: 'test' });
}

/** The bundled sources with the real IPS of the three communes' écoles (2021-2022) and collèges (2022-2023). */
export async function realIpsModel(): Promise<ReportModel> {
  const { sources } = await loadBundled();
  const withIps = { ...sources, schools: realSchools() };
  const rows = normalizeAgainstBaseline(withIps);
  return buildReportModel({ sources: withIps, rows, year: 2024, generatedAt: '2024-01-01T00:00:00.000Z', toolVersion: 'test' });
}

// When the sources declare no enjeux, the indicators are grouped under the
// three enjeux of the « Engagements Quartiers 2030 » contracts (as worded in
// the Marles-les-Mines convention). A reading proposed by the tool, said so
// in the chart's subtitle; indicators it does not know go to « Autres ».

import type { Catalogue, EnjeuLink } from '../../model/types.ts';

const ENJEUX: { enjeu: string; label: string; indicators: string[] }[] = [
  { enjeu: 'Enjeu 1', label: 'Des quartiers attentifs aux habitants les plus fragiles', indicators: ['taux_pauvrete', 'revenu_median', 'part_familles_monoparentales', 'indice_gini', 'rapport_s80s20'] },
  { enjeu: 'Enjeu 2', label: 'Des quartiers d’émancipation pour tous', indicators: ['ips', 'taux_emploi_15_64', 'part_16_25_neet', 'part_moins_25_ans'] },
  { enjeu: 'Enjeu 3', label: 'Des quartiers à l’épreuve des transitions', indicators: ['part_parc_social'] },
];

export function fallbackEnjeux(catalogue: Catalogue): EnjeuLink[] {
  const known = new Set(catalogue.indicators.map((i) => i.id));
  return ENJEUX.flatMap((e) => e.indicators.filter((id) => known.has(id)).map((indicator) => ({ enjeu: e.enjeu, enjeuLabel: e.label, objective: '', indicator })));
}

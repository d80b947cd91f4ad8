// Words of the charts: titles, subtitles (year, source, perimeter),
// descriptions for screen readers, legend and tooltip labels.

import { trendLabels } from './trend-labels.ts';

const plural = (n: number, one: string, many = `${one}s`) => (n > 1 ? many : one);

export const PERIMETER_WORDS: Record<string, string> = { '2015': 'ancien périmètre', '2024': 'périmètre 2024', '': 'périmètre non précisé' };

export const charts = {
  /** « Source : SIG Ville 2022, ancien périmètre ; INSEE Filosofi 2012-2021, ancien périmètre ». */
  chartSource: (parts: { source: string; perimetre: string }[]) => {
    const groups = new Map<string, { producer: string; perimeter: string; years: number[]; plain: boolean }>();
    for (const p of parts) {
      // « IPS calculé (écoles 2021-2022) : moyenne simple de… »: the method's detail stays in the tooltips and the tidy table.
      const m = /^(.*\S)\s+(\d{4})$/.exec(p.source.replace(/\s*:.*$/s, ''));
      const producer = m ? m[1]! : p.source.replace(/\s*:.*$/s, '');
      const perimeter = PERIMETER_WORDS[p.perimetre] ?? PERIMETER_WORDS['']!;
      const key = `${producer}|${perimeter}`;
      const g = groups.get(key) ?? { producer, perimeter, years: [], plain: !m };
      if (m) g.years.push(Number(m[2]));
      groups.set(key, g);
    }
    const out = [...groups.values()].map((g) => `${g.producer}${g.years.length ? ' ' + charts.chartYears(g.years) : ''}, ${g.perimeter}`);
    return out.length ? `Source : ${out.join(' ; ')}` : 'Source : non précisée';
  },
  chartYears: (years: number[]) => {
    const ys = [...new Set(years)].sort((a, b) => a - b);
    if (ys.length === 0) return '';
    return ys.length === 1 ? `${ys[0]}` : `${ys[0]}-${ys[ys.length - 1]}`;
  },
  chartReference: (name: string) => `Référence : ${name}`,
  /** The references other than the agglomeration (only the computed IPS has some): « Référence de l’IPS calculé : écoles d'Auchel… (2021-2022) ». */
  otherReferences: (references: string[]) => references.map((r) => `Référence de l’IPS calculé : ${r}`),

  titleQuartierAgglomeration: (quartier: string, years: string) => `${quartier} : le quartier et son agglomération, ${years}`,
  titleEcarts: (quartier: string, years: string) => `${quartier} : écarts à l'agglomération, ${years}`,
  titleTrajectoires: (quartier: string, years: string) => `${quartier} : trajectoires ${years} et période du contrat 2024-2030`,
  titleEnjeux: (quartier: string, years: string) => `${quartier} : les indicateurs par enjeu du contrat, ${years}`,
  titleIndices: (epci: string, years: string) => `${epci} : indices des quartiers (agglomération = 100), ${years}`,
  titleClassement: (epci: string, years: string) => `${epci} : classement des quartiers par indicateur, ${years}`,

  describeQuartierAgglomeration: (quartier: string, n: number, reference: string | null) =>
    `Graphique en haltères : pour ${n} ${plural(n, 'indicateur')} du quartier ${quartier}, la valeur du quartier (rond bleu, triangle pour une borne « plus de » ou « moins de »)${reference === null ? ' ; les sources ne donnent aucune valeur de référence' : ` à côté de celle de la référence ${reference} (losange orange)`}. Les pourcentages et les indices ont chacun leur échelle.`,
  describeEcarts: (quartier: string, n: number) =>
    `Barres divergentes : pour ${n} ${plural(n, 'indicateur')} du quartier ${quartier}, l'écart en points à l'agglomération ; vert si l'écart est favorable au quartier, orange s'il est défavorable, gris s'il est neutre. Une barre ouverte en pointillés est une borne (écart d'au moins ou d'au plus).`,
  describeTrajectoires: (quartier: string, indicators: string[], reference = true, targets = true) =>
    `Courbes par année pour le quartier ${quartier} (trait plein bleu)${reference ? ' et sa référence (tirets orange)' : ''} : ${indicators.join(', ')}. La bande jaune marque la période du contrat 2024-2030 ; une ligne verticale marque le changement de périmètre de 2024${targets ? ' ; les cibles 2030 sont des croix' : ''}.`,
  describeEnjeux: (quartier: string, enjeux: number, fallback: boolean) =>
    `Indices du quartier ${quartier} (agglomération = 100) regroupés en ${enjeux} ${plural(enjeux, 'enjeu', 'enjeux')}${fallback ? ' (regroupement proposé par l’outil, faute d’enjeux déclarés dans les sources)' : ' du contrat'} ; barre verte si l'écart est favorable, orange s'il est défavorable, grise s'il est neutre.`,
  describeIndices: (epci: string, quartiers: number, indicators: number) =>
    `Carte de chaleur : ${quartiers} ${plural(quartiers, 'quartier')} de ${epci} en lignes (QPV puis QIC), ${indicators} ${plural(indicators, 'indicateur')} en colonnes ; chaque case donne l'indice du quartier, l'agglomération valant 100 (bleu en dessous, orange au-dessus).`,
  describeClassement: (epci: string, quartiers: number, indicators: number) =>
    `Barres horizontales : pour ${indicators} ${plural(indicators, 'indicateur')}, les ${quartiers} ${plural(quartiers, 'quartier')} de ${epci} classés par valeur (QPV en bleu, QIC en vert) ; la ligne orange marque la valeur de l'agglomération.`,

  seriesQuartier: 'Quartier',
  seriesReference: 'Agglomération (référence)',
  seriesMedian: 'Médiane des QPV de France',
  secret: 'secret statistique',
  absent: 'non disponible',
  contractPeriod: 'contrat 2024-2030',
  perimeterChange: 'nouveau périmètre',
  target: (label: string) => `cible 2030 : ${label}`,
  targetSide: { au_plus: 'au plus', au_moins: 'au moins' } as Record<string, string>,
  /** « écart de 0 point », « écart de −12 points ». */
  targetGap: (gap: string) => `écart de ${gap}`,
  /** The panel of a gap series: « Part des familles monoparentales : écart à CABBALR (points) ». */
  gapPanel: (label: string, reference: string, unit: string) => `${label}\nécart à ${reference}${unit === 'pct' ? ' (points)' : ''}`,
  gapReference: 'référence (écart nul)',
  /** Why a line is cut: « rupture de série : sources différentes (INSEE Filosofi 2021 → SIG Ville 2022) ». */
  seriesBreak: (reasons: string[], from: string, to: string) =>
    `rupture de série : ${trendLabels.alerts(reasons.join('|'))} (${from} → ${to})`,
  seriesBreakLegend: 'Pointillés gris : rupture de série (autre source ou autre périmètre) ; l’écart entre ces deux points n’est pas une évolution.',
  trajectoryLegend: (targets: boolean) => `Bande jaune : contrat 2024-2030 ; trait vertical : nouveau périmètre (2024)${targets ? ' ; croix : cible 2030 (plafond ou plancher)' : ''}.`,
  /** A trajectory chart whose sources give no reference figure: said, rather than a legend entry with nothing drawn. */
  noReferenceValues: (name: string) => `Référence : ${name} (aucune valeur dans les sources : seul le quartier est tracé)`,
  fallbackEnjeux: 'Regroupement proposé par l’outil : aucun enjeu n’est déclaré dans les sources.',
  gapTargetLegend: 'Une cible d’écart se lit sur la série des écarts à la référence (la référence vaut 0).',
  sensLabels: { favorable: 'favorable au quartier', defavorable: 'défavorable au quartier', neutre: 'neutre', indetermine: 'indéterminé (borne)', '': 'sans lecture' } as Record<string, string>,
  groupTitles: { pct: 'Pourcentages (%)', indice: 'Indices', euros: 'Euros', nombre: 'Nombres', habitants: 'Habitants', hectares: 'Hectares' } as Record<string, string>,
  gapTitles: { pct: 'Écart en points de pourcentage', indice: "Écart en points d'indice", euros: 'Écart en euros', nombre: 'Écart', habitants: 'Écart en habitants', hectares: 'Écart en hectares' } as Record<string, string>,
  unitSuffix: { pct: ' (%)', indice: '', euros: ' (€)', nombre: '', habitants: ' (habitants)', hectares: ' (ha)' } as Record<string, string>,
  indexAxis: 'Indice (agglomération = 100)',
  otherIndicators: 'Autres indicateurs',
  tooltip: { rupture: 'Rupture de série', quartier: 'Quartier', indicateur: 'Indicateur', valeur: 'Valeur du quartier', reference: 'Référence', ecart: 'Écart', indice: 'Indice (référence = 100)', lecture: 'Lecture', annee: 'Année', source: 'Source', perimetre: 'Périmètre', statut: 'Statut', enjeu: 'Enjeu' },
  statusLegend: 'Statut',
  chartsSkipped: (quartier: string, chart: string, reason: string) => `Graphique « ${chart} » non produit pour ${quartier} : ${reason}.`,
  noTrajectory: 'aucun indicateur n’a au moins deux années de valeurs ni de cible 2030',
  noGap: 'aucun écart à la référence n’est calculable',
  noValue: 'aucune valeur à représenter',
  chartWorkersFallback: (reason: string) => `Rendu des graphiques sans processus parallèles (${reason}).`,
  /** What a heatmap cell prints for a secret figure. */
  secretCell: 'secret',
  heatmapKey: '> : borne (au moins), < : borne (au plus), ≈ : valeur approchée ; « secret » : secret statistique.',
  rankingKey: 'Ligne orange : valeur de l’agglomération ; barre ouverte en pointillés : borne (« plus de », « moins de »).',
};

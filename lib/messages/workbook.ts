// Words of the Excel workbooks (sheet titles, column headers, legends,
// method notes) and the phase's log lines.

import { frenchList, plural } from './place.ts';
import { SECTION_TITLES } from './portrait.ts';
import { trendLabels } from './trend-labels.ts';

export const workbookText = {
  sheetSynthese: 'Synthèse',
  sheetDonnees: 'Données',
  sheetSources: 'Sources et méthode',
  conventionTitle: (commune: string) => `Contrat de ville – convention de ${commune}`,
  agglomerationTitle: (shortName: string, name: string) => `Contrat de ville – ${shortName && shortName !== name ? `${shortName} (${name})` : name}`,
  outsideRegistryTitle: 'Contrat de ville – quartiers hors référentiel',
  subject: (year: number) => `Indicateurs des quartiers de la politique de la ville – année ${year}`,
  keywords: (year: number) => `politique de la ville; Engagements Quartiers 2030; indicateurs; données ${year}`,
  category: 'Contrat de ville – suivi des indicateurs',
  creator: (version: string) => `quartiers ${version}`,
  description: (year: number, version: string) => `Année des données : ${year}. Produit par l’outil « quartiers » ${version}.`,
  reportYear: (year: number) => `Année du rapport : ${year} (dernière valeur disponible jusqu’à cette année)`,
  sourcesLine: (labels: string[]) => `Sources : ${labels.length ? labels.join(' ; ') : 'aucune'}`,
  /** `counted`: some parts give a count of quartiers, not their names. */
  perimetersLine: (parts: string[], counted = false) =>
    `Périmètres : ${parts.length ? parts.join(' ; ') : 'non précisés'}${counted ? ' (le périmètre de chaque valeur : colonne « perimetre » d’indicateurs.csv)' : ''}`,
  /** `quartiers`: their names; or how many, when the others are named (`others`) or there are none (`all`). */
  perimeterPart: (perimeter: string, quartiers: string[] | { count: number; of: 'all' | 'others' | 'some' }) =>
    `${perimeter === '2015' ? 'ancien périmètre (2015)' : perimeter === '2024' ? 'périmètre 2024' : 'périmètre non précisé'} pour ${
      Array.isArray(quartiers) ? frenchList(quartiers) : quartiers.of === 'all' ? 'tous les quartiers' : quartiers.of === 'others' ? `les ${quartiers.count} autres quartiers` : `${quartiers.count} quartiers`
    }`,
  legendTitle: 'Lecture de l’écart à la référence (l’agglomération) et de l’évolution :',
  readings: { favorable: 'favorable', defavorable: 'défavorable', neutre: 'neutre', indetermine: 'indéterminé', '': '' } as Record<string, string>,
  legendFavorable: 'favorable au quartier',
  legendDefavorable: 'défavorable au quartier',
  legendNeutre: 'neutre ou sans polarité',
  otherIndicators: 'Autres indicateurs',
  syntheseHeaders: {
    enjeu: 'Enjeu', objectif: 'Objectif', quartier: 'Quartier', code: 'Code', indicateur: 'Indicateur', annee: 'Année', valeur: 'Valeur',
    reference: 'Référence', valeurReference: 'Valeur de référence', ecart: 'Écart', indice: 'Indice (réf. = 100)', lecture: 'Lecture',
    rang: 'Rang dans l’agglomération', rangNational: 'Rang parmi les quartiers de France', medianeQpv: 'Médiane des QPV', anneeBase: 'Année de base', evolutionBase: 'Évolution depuis la base', sensEvolution: 'Sens de l’évolution',
    convergenceBase: 'Convergence de l’écart depuis la base', alerte: 'Alerte sur l’évolution', anneeCible: 'Année cible', cible: 'Cible',
    atteignable: 'Atteignable au rythme actuel', source: 'Source',
  },
  groupLine: (enjeu: string, objective: string) => `${enjeu} · objectif : ${objective}`,
  sheetTrajectoires: 'Évolutions et cibles',
  trajectoiresTitle: 'Évolutions depuis l’année de base du contrat et cibles',
  trajectoiresNote: 'Mêmes lignes que la Synthèse : l’évolution depuis l’année de base, sa lecture, et la cible du contrat.',
  // Quartier sheet
  status: 'Statut',
  code: 'Code quartier',
  code2015: 'Code 2015',
  communes: (n: number) => (n > 1 ? 'Communes concernées' : 'Commune concernée'),
  agglomeration: 'Agglomération',
  outsideRegistry: 'quartier absent du référentiel',
  portraitTitle: 'Portrait statistique',
  portraitHeaders: ['Indicateur', 'Année', 'Valeur', 'Référence', 'Écart', 'Lecture'],
  conventionWordsTitle: 'Dans les termes de la convention',
  portraitSources: (phrase: string) => `Sources : ${phrase}.`,
  noData: 'Aucune donnée disponible pour ce quartier.',
  allYearsTitle: 'Tous les indicateurs, toutes les années',
  allYearsFirstHeaders: ['Indicateur', 'Unité'],
  seriesBreaksHeader: 'Ruptures de série',
  /** « 2022 : sources différentes » — the year from which the series is not comparable with the previous figure. */
  seriesBreakAt: (year: number, reasons: string[]) =>
    `${year} : ${trendLabels.alerts(reasons.join('|'))}`,
  chartsTitle: 'Graphiques',
  noCharts: 'Aucun graphique produit pour ce quartier.',
  notesTitles: SECTION_TITLES,
  units: { pct: '%', habitants: 'habitants', hectares: 'hectares', indice: 'indice', euros: '€', nombre: 'nombre' } as Record<string, string>,
  secret: 'secret',
  // Données
  donneesTitle: 'Données : toutes les années de chaque indicateur',
  fullTableLink: 'Table complète, avec toutes les colonnes de la mesure : indicateurs.csv (dossier des rapports)',
  fullTableAbsent: 'La table complète (indicateurs.csv) est produite avec le format csv.',
  donneesHeaders: {
    code: 'Code quartier',
    quartier: 'Quartier',
    indicateur: 'Indicateur',
    annee: 'Année',
    valeur: 'Valeur',
    valeurReference: 'Valeur de référence',
    ecart: 'Écart',
    indice: 'Indice (réf. = 100)',
    lecture: 'Lecture',
    evolution: 'Évolution depuis la valeur précédente',
    convergence: 'Convergence de l’écart',
    rang: 'Rang dans l’agglomération',
    rangNational: 'Rang national',
    medianeQpv: 'Médiane des QPV',
    cibleAnnee: 'Année cible',
    cible: 'Cible',
    source: 'Source',
  },
  // Sources et méthode
  filesTitle: 'Fichiers sources',
  filesHeaders: ['Fichier', 'Type', 'Producteur', 'Millésime', 'Périmètre', 'Encodage', 'Lignes', 'Valeurs lues'],
  filesFingerprints: 'L’empreinte SHA-256 de chaque fichier est dans manifest.json, à la racine du dossier publié.',
  methodTitle: 'Méthode',
  method: [
    ['Écart', 'valeur du quartier − valeur de la référence (l’agglomération, EPCI), en points pour les pourcentages, dans l’unité de l’indicateur sinon.'],
    ['Indice', '100 × valeur du quartier ÷ valeur de la référence : 100 = même niveau que l’agglomération.'],
    ['Lecture', 'le sens de l’écart est favorable ou défavorable au quartier selon la polarité de l’indicateur (hausse favorable, baisse favorable ou neutre) ; « indéterminé » quand les bornes ne permettent pas de conclure.'],
    ['Rang', 'place du quartier parmi les quartiers de l’agglomération qui ont une valeur la même année : 1er = le plus favorable (la valeur la plus élevée pour un indicateur neutre).'],
    ['Évolution', 'valeur de l’année − valeur de l’année de base du contrat (première année disponible à partir de 2024) ; même lecture que l’écart. Vide tant qu’aucune année postérieure n’est disponible.'],
    ['Convergence', 'l’écart à l’agglomération s’est resserré (sa valeur absolue a diminué), creusé ou est resté stable depuis l’année de base.'],
    ['Alerte', 'l’INSEE déconseille de lire comme une évolution l’écart entre deux millésimes consécutifs à l’échelle infra-communale ; une alerte signale aussi un changement de périmètre ou de source.'],
    ['Cible', 'plafond (≤, « au plus ») ou plancher (≥, « au moins ») fixé par le contrat pour l’année cible, sur la valeur ou sur l’écart à l’agglomération ; « atteinte » si le quartier est déjà du bon côté, sinon « atteignable » compare le rythme requis pour l’atteindre au rythme observé.'],
    ['Bornes', 'une valeur écrite « + de 30 % » est une borne (> 30) et « environ 990 » une approximation (≈ 990) : les écarts qui en découlent gardent la borne et ne deviennent jamais des égalités.'],
    ['Secret', 'une valeur masquée par le secret statistique est écrite « secret » et n’entre dans aucun calcul.'],
  ] as [string, string][],
  warningsTitle: 'Avertissements de la validation',
  noWarnings: 'Aucun avertissement.',
  generatedBy: (version: string) => `Produit par l’outil « quartiers » ${version}.`,
  headerCenter: (title: string) => title,
  footerPage: 'page &P / &N',
  dataYear: (year: number) => `Année des données : ${year}`,
};

export const workbookMessages = {
  workbooksOutsideRegistry: (codes: string[]) =>
    `${plural(codes.length, 'quartier')} absent${codes.length > 1 ? 's' : ''} du référentiel (${codes.join(', ')}) : regroupé${codes.length > 1 ? 's' : ''} dans le classeur « hors référentiel ».`,
  chartCaptionUnreadable: (file: string) => `Classeurs : la description du graphique ${file} est illisible ; l’image est insérée sans légende.`,
};

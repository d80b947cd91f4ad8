// Words of the static HTML report (lib/render/html): titles, captions,
// empty states, link labels. French, for an analyst of a collectivité.

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** « 25 novembre 2026 à 20 h 16 (UTC) » from an ISO date; the text itself when it is not one. */
export function frenchDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const hh = String(d.getUTCHours()).padStart(2, '0');
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  const day = d.getUTCDate() === 1 ? '1er' : String(d.getUTCDate());
  return `${day} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} à ${hh} h ${mm} (UTC)`;
}

const READINGS: Record<string, string> = {
  favorable: 'favorable',
  defavorable: 'défavorable',
  neutre: 'neutre',
  indetermine: 'indéterminé',
};

export const htmlMessages = {
  html: {
    skipLink: 'Aller au contenu',
    siteTitle: 'Contrat de ville « Engagements Quartiers 2030 »',
    indexTitle: (agglomeration: string) => (agglomeration ? `Quartiers de la politique de la ville – ${agglomeration}` : 'Quartiers de la politique de la ville'),
    indexIntro: (year: number) => `Indicateurs de l’année ${year} (ou dernière année disponible avant), comparés à la référence de chaque indicateur.`,
    backToIndex: 'Tous les quartiers',
    breadcrumb: 'Fil d’Ariane',
    quartiersHeading: 'Les quartiers',
    quartiersCaption: (year: number) => `Quartiers, statut, population et indicateurs principaux en ${year} : valeur du quartier et lecture de l’écart à la référence`,
    quartiersNone: 'Aucun quartier dans les sources.',
    columnQuartier: 'Quartier',
    columnCode: 'Code',
    columnStatus: 'Statut',
    columnCommunes: 'Communes',
    columnPopulation: 'Population',
    reading: (sens: string) => READINGS[sens] ?? '',
    readingLabel: (sens: string) => (READINGS[sens] ? `écart ${READINGS[sens]}` : ''),
    yearNote: (year: number) => `(${year})`,
    notAvailable: '—',
    agglomerationCharts: 'Graphiques de l’agglomération',
    quartierCharts: 'Graphiques du quartier',
    noAgglomerationCharts: 'Aucun graphique d’agglomération n’a été produit par ce traitement.',
    agglomerationPagesIntro: 'Ce rapport couvre plusieurs agglomérations : chacune a sa page, avec la carte des indices et le classement de ses quartiers.',
    agglomerationPageLink: 'Carte des indices et classement des quartiers de l’agglomération',
    agglomerationChartsOf: (epci: string) => (epci ? `Graphiques de l’agglomération : ${epci}` : 'Graphiques de l’agglomération'),
    noQuartierCharts: 'Aucun graphique n’a été produit pour ce quartier par ce traitement.',
    chartFiles: 'Fichiers du graphique :',
    chartLoading: 'Graphique en cours d’affichage…',
    chartNoScript: 'Le graphique interactif demande JavaScript ; ses images sont en lien ci-dessous.',
    filesHeading: 'Fichiers à télécharger',
    tidyCsv: 'Tableau normalisé de tous les indicateurs (indicateurs.csv)',
    workbooksHeading: 'Classeurs Excel',
    noWorkbooks: 'Aucun classeur Excel n’a été produit par ce traitement.',
    portraitMd: 'Portrait statistique (texte Markdown)',
    chartFilesHeading: 'Graphiques (images et spécifications Vega-Lite)',
    sourcesHeading: 'Sources',
    sourcesCaption: 'Fichiers sources lus par ce traitement',
    columnFile: 'Fichier',
    columnKind: 'Nature',
    columnProducer: 'Producteur',
    columnVintage: 'Millésime',
    columnFigures: 'Valeurs lues',
    noSources: 'Aucun fichier source.',
    quartierPagesHeading: 'Pages des quartiers',
    status: 'Statut',
    code: 'Code quartier',
    code2015: 'Code 2015',
    communes: 'Communes',
    agglomeration: 'Agglomération',
    statusUnknown: 'quartier absent du référentiel',
    portraitHeading: 'Portrait statistique',
    portraitNone: 'Aucune donnée disponible pour ce quartier.',
    otherIndicators: 'Autres indicateurs disponibles',
    tableHeading: 'Tous les indicateurs, toutes les années',
    tableCaption: (name: string) => `Indicateurs de ${name} par année, avec la référence, l’écart et sa lecture`,
    columnIndicator: 'Indicateur',
    columnYear: 'Année',
    columnValue: 'Valeur',
    columnReference: 'Référence',
    columnReferenceValue: 'Valeur de référence',
    columnGap: 'Écart',
    columnReading: 'Lecture',
    columnConvergence: 'Écart depuis l’année précédente',
    columnRank: 'Rang dans l’agglomération',
    columnNationalRank: 'Rang national (1er : le plus défavorable)',
    columnNationalMedian: 'Médiane des QPV (écart)',
    columnSource: 'Source',
    columnPerimeter: 'Périmètre',
    perimeter: (p: string) => (p ? `périmètre ${p}` : ''),
    enjeuxHeading: 'Enjeux du contrat de ville',
    enjeuxNone: 'Les sources ne relient encore aucun indicateur aux enjeux du contrat de ville.',
    enjeuIndicatorMissing: 'pas de valeur pour ce quartier',
    notesHeading: 'Diagnostic qualitatif de la convention',
    notesNone: 'Aucune note qualitative (irritants, opportunités, enjeux prioritaires) pour ce quartier dans les sources.',
    madeBy: (version: string) => `Rapport produit par l’outil quartiers ${version} ; sa date de production est sur la page d’accueil.`,
    generated: (date: string, version: string) => `Rapport produit le ${frenchDateTime(date)} par l’outil quartiers ${version}.`,
    unplacedChart: (file: string) => `${file} : ce graphique est rangé dans un dossier qui ne correspond à aucun quartier du rapport ; il n’apparaît pas dans le rapport HTML.`,
    scrollRegion: (caption: string) => `${caption} (zone défilante)`,
  },
};

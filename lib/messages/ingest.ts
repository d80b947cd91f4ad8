// Messages about reading sources. Every one says where and what was expected.

import { quoteCell } from './quote.ts';
import { where, frenchList, plural, examples } from './place.ts';
import type { Bound, Figure, SourceSummary } from '../model/types.ts';
import { formatFrenchNumber } from '../text/french-number.ts';

const n = (x: number) => x.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ');
const BOUND_NAMES: Record<Bound, string> = { '=': 'exactes', '>': '« plus de »', '>=': '« au moins »', '<': '« moins de »', '<=': '« au plus »', '~': '« environ »' };
const LEVEL_NAMES = { ecole: 'écoles', college: 'collèges', lycee: 'lycées' } as const;

/** Lines of the data-quality report of `quartiers validate`. */
const report = {
  reportTitle: (dir: string) => `Contrôle des sources : ${dir}`,
  reportFilesTitle: (count: number) => `Fichiers (${count}) :`,
  reportFile: (f: SourceSummary) =>
    `  ${f.file} : ${f.kindLabel}${f.producer ? `, ${f.producer}${f.vintage ? ` ${f.vintage}` : ''}` : ''} — ${plural(f.rows, 'ligne')}, ${plural(f.figures, 'valeur')} (${f.encoding}${f.delimiter ? `, séparateur ${f.delimiter}` : ''})`,
  reportFileNote: (note: string) => `      · ${note}`,
  reportFiguresTitle: (count: number) => `Valeurs lues par indicateur et par année (${n(count)} en tout ; valeurs / secrets / absentes) :`,
  reportIndicator: (label: string, id: string, years: { year: number; valeur: number; secret: number; absent: number }[]) =>
    `  ${label} (${id}) : ${years.map((y) => `${y.year} ${n(y.valeur)}${y.secret || y.absent ? `/${n(y.secret)}/${n(y.absent)}` : ''}`).join(' · ')}`,
  reportStates: (t: { valeur: number; secret: number; absent: number; bounds: Partial<Record<Bound, number>> }) => {
    const bounds = Object.entries(t.bounds) as [Bound, number][];
    const boundCount = bounds.reduce((a, [, k]) => a + k, 0);
    return `États : ${plural(t.valeur, 'valeur chiffrée', 'valeurs chiffrées')}, ${plural(t.secret, 'secret statistique', 'secrets statistiques')}, ${plural(t.absent, 'valeur absente', 'valeurs absentes')} ; ` +
      (boundCount ? `${plural(boundCount, 'borne ou approximation', 'bornes ou approximations')} gardée${boundCount > 1 ? 's' : ''} telle${boundCount > 1 ? 's' : ''} quelle${boundCount > 1 ? 's' : ''} (${bounds.map(([b, k]) => `${BOUND_NAMES[b]} : ${n(k)}`).join(', ')}).` : 'aucune borne ni approximation.');
  },
  reportSchools: (groups: { level: 'ecole' | 'college' | 'lycee'; year: number; count: number; masked: number }[]) =>
    `Établissements scolaires (IPS) : ${groups.map((g) => `${n(g.count)} ${LEVEL_NAMES[g.level]} ${g.year}${g.masked ? ` dont ${n(g.masked)} sans IPS publié` : ''}`).join(', ')}.`,
  reportQuartiers: (withFigures: number, unknown: number, unknownFigures: number, reconciled: number) =>
    `Quartiers : ${plural(withFigures, 'quartier')} avec des valeurs${unknown ? `, dont ${n(unknown)} absent${unknown > 1 ? 's' : ''} du référentiel (${plural(unknownFigures, 'valeur')})` : ''}${reconciled ? ` ; ${plural(reconciled, 'code')} 2015 rapproché${reconciled > 1 ? 's' : ''} de leur code 2024 par la correspondance ANCT` : ''}.`,
  reportConflicts: (duplicates: number, conflicts: number, overridden: { kept: { file: string }; dropped: { file: string } }[]) =>
    `Doublons et conflits : ${plural(duplicates, 'valeur identique donnée', 'valeurs identiques données')} par plusieurs fichiers (gardée${duplicates > 1 ? 's' : ''} une fois) ; ${plural(conflicts, 'conflit')} non réglé${conflicts > 1 ? 's' : ''}` +
    (overridden.length ? ` ; ${plural(overridden.length, 'conflit')} réglé${overridden.length > 1 ? 's' : ''} par priorites.csv (par exemple ${overridden[0]!.kept.file} l'emporte sur ${overridden[0]!.dropped.file})` : '') + '.',
  reportWarningsTitle: (count: number) => `Avertissements (${count}) :`,
  reportWarning: (text: string) => `  - ${text}`,
  reportInvalid: (errors: number) => `Sources invalides : ${plural(errors, 'erreur')}, détaillée${errors > 1 ? 's' : ''} ci-dessous.`,
};

/** « INSEE Filosofi 2019 »; « SIG Ville 2022, année 2019 » when the label's vintage is not the figure's year. */
const vintageLabel = (f: Figure) => (!f.sourceLabel ? `${f.at.file}, ${f.year}` : f.sourceLabel.endsWith(String(f.year)) ? f.sourceLabel : `${f.sourceLabel}, ${f.year}`);

/** « QP062005, taux_pauvrete : 40,2 en 2022 = INSEE Filosofi 2019 (insee/filosofi.csv:9) » */
const repeatExample = (r: { later: Figure; earlier: Figure }) =>
  `${r.later.territory}, ${r.later.indicator} : ${formatFrenchNumber(r.later.value!, r.later.decimals)} en ${r.later.year} = ${vintageLabel(r.earlier)} (${where(r.earlier.at.file, r.earlier.at.line)})`;

export const ingest = {
  badDeclaredVintage: (file: string, line: number, text: string) =>
    `${where(file, line)} : ligne « ${quoteCell(text)} » : « indicateur;année » attendu (identifiant ou nom de colonne d'un indicateur du catalogue, puis l'année du millésime sur quatre chiffres, par exemple « taux_pauvrete;2019 »).`,
  repeatedVintage: (file: string, repeats: { later: Figure; earlier: Figure }[]) =>
    `${file} : ${plural(repeats.length, 'valeur')} égale${repeats.length > 1 ? 's' : ''} à celle d'une année antérieure dans une autre source (${repeats.slice(0, 3).map(repeatExample).join(' ; ')}${repeats.length > 3 ? ' ; …' : ''}) : l'export reprend peut-être un millésime plus ancien. Si c'est le cas, déclarez son vrai millésime dans un fichier voisin « ${file.replace(/\.[^./]+$/, '')}.millesimes » (lignes « indicateur;année ») ; sinon, ignorez cet avertissement.`,
  ...report,
  emptyFile: (file: string) => `${file} : fichier vide, un en-tête de colonnes et au moins une ligne de données sont attendus.`,
  noHeader: (file: string) => `${file}:1 : aucune ligne d'en-tête trouvée (au moins deux colonnes nommées sont attendues).`,
  headerOnly: (file: string, line: number) => `${where(file, line)} : le fichier ne contient que l'en-tête, aucune ligne de données.`,
  emptyHeaderCell: (file: string, line: number, column: number) =>
    `${where(file, line, column)} : nom de colonne vide dans l'en-tête ; chaque colonne doit être nommée.`,
  duplicateHeader: (file: string, line: number, name: string, first: number, second: number) =>
    `${where(file, line, name)} : la colonne « ${quoteCell(name)} » apparaît deux fois dans l'en-tête (colonnes ${first} et ${second}) ; chaque nom de colonne doit être unique.`,
  fieldCount: (file: string, line: number, expected: number, got: number) =>
    `${where(file, line)} : ${plural(got, 'champ')} lu${got > 1 ? 's' : ''}, ${expected} attendu${expected > 1 ? 's' : ''} comme dans l'en-tête (séparateur ou guillemet en trop ?).`,
  quoteNotClosed: (file: string, line?: number, column?: number) =>
    `${where(file, line, column)} : guillemet ouvert ici et jamais refermé ; chaque champ entre guillemets doit se terminer par un guillemet.`,
  badClosingQuote: (file: string, line?: number) =>
    `${where(file, line)} : guillemet mal placé ; un guillemet à l'intérieur d'un champ doit être doublé ("").`,
  quoteInsideField: (file: string, line: number | undefined, column: number | undefined) =>
    `${where(file, line, column)} : guillemet au milieu d'un champ ; un champ qui contient des guillemets doit être entièrement entre guillemets, et chaque guillemet intérieur doublé (« "" »).`,
  csvUnreadable: (file: string, line: number | undefined, detail: string) =>
    `${where(file, line)} : fichier CSV illisible (détail technique : ${detail}).`,
  binaryFile: (file: string) =>
    `${file} : fichier binaire (image, archive ou classeur ?) ; un fichier texte CSV est attendu. Exportez-le en CSV ou retirez-le de sources/.`,
  unknownEncoding: (file: string) =>
    `${file} : encodage non reconnu (UTF-16 sans indicateur d'ordre des octets, BOM) ; un texte en UTF-8 ou Windows-1252 est attendu : enregistrez le fichier en « CSV UTF-8 ».`,
  unreadableFile: (file: string, reason: string) => `${file} : lecture impossible (${reason}).`,
  symlinkLoop: (file: string) =>
    `${file} : lien symbolique qui revient vers un dossier déjà parcouru (boucle) ; un dossier de sources doit être un arbre : supprimez ce lien.`,
  danglingLink: () => 'lien symbolique cassé : sa cible n\'existe pas',
  notAPlainFile: () => 'ce n\'est pas un fichier ordinaire (tube, périphérique ou socket) ; un fichier CSV est attendu',
  badSidecarYear: (file: string, text: string) =>
    `${file}:1 : année attendue sur quatre chiffres (par exemple 2022), lu « ${quoteCell(text)} ».`,
  unknownKind: (file: string, header: string[]) =>
    `${file} : type de fichier non reconnu d'après son en-tête (${examples(header.map((h) => `« ${quoteCell(h)} »`), 4)}). ` +
    `Attendu : un export par territoire (SIG Ville, INSEE, RPLS : une colonne de code et des colonnes d'indicateurs du catalogue), un panel (code, année, indicateurs), un fichier préfecture (quartier, indicateur, valeur), un fichier IPS (UAI, IPS), une liste de quartiers, la correspondance 2024-2015, le référentiel ou le catalogue. Si ce sont des indicateurs, ajoutez leurs noms de colonnes comme alias dans le catalogue (voir docs/sources.md).`,
  noIndicatorColumn: (file: string, line: number, header: string[]) =>
    `${where(file, line)} : aucune colonne ne correspond à un indicateur du catalogue (${examples(header.map((h) => `« ${quoteCell(h)} »`))}). Ajoutez le nom de colonne dans la colonne « alias » du catalogue.`,
  notANumber: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : nombre attendu, lu « ${quoteCell(text)} » (exemples acceptés : 40,2 ; 2 700 ; 12 % ; + de 30 % ; environ 990 ; s ou nd pour le secret ou l'absence).`,
  percentOver100: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : pourcentage supérieur à 100, lu « ${quoteCell(text)} » ; une part ou un taux est attendu entre 0 et 100.`,
  negativeValue: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : valeur négative, lue « ${quoteCell(text)} » ; cet indicateur ne peut pas être négatif.`,
  noYear: (file: string) =>
    `${file} : année introuvable. Donnez-la par une colonne « annee », dans le nom des colonnes (« pop_2022 »), dans le nom du fichier (« rpls_qpv_2022.csv ») ou dans un fichier voisin « ${file.replace(/\.[^./]+$/, '')}.annee » contenant l'année.`,
  badYear: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : année attendue (AAAA ou AAAA-AAAA), lu « ${quoteCell(text)} ».`,
  noCode: (file: string, line: number, column: string) =>
    `${where(file, line, column)} : code de territoire vide ; chaque ligne doit désigner un quartier, une commune ou un EPCI.`,
  unknownQuartierName: (file: string, line: number, column: string, name: string) =>
    `${where(file, line, column)} : quartier « ${quoteCell(name)} » introuvable dans le référentiel ; donnez son code ou ajoutez-le au référentiel des quartiers.`,
  unknownIndicator: (file: string, line: number, column: string, name: string) =>
    `${where(file, line, column)} : indicateur « ${quoteCell(name)} » inconnu du catalogue ; ajoutez ce libellé dans la colonne « alias » du catalogue.`,
  conflict: (indicator: string, territory: string, year: number, a: string, av: string, b: string, bv: string) =>
    `Conflit pour ${indicator}, ${territory}, ${year} : ${a} donne « ${quoteCell(av)} » mais ${b} donne « ${quoteCell(bv)} ». Corrigez l'un des deux fichiers ou indiquez dans le référentiel (fichier priorites.csv) quelle source prévaut.`,
  missingCatalogue: () =>
    `Aucun catalogue des indicateurs trouvé dans les sources : un fichier CSV avec les colonnes id, libelle, unite, polarite, alias est attendu (voir README).`,
  badEnum: (file: string, line: number, column: string, text: string, allowed: string[]) =>
    `${where(file, line, column)} : valeur « ${quoteCell(text)} » non reconnue ; attendu ${frenchList(allowed.map((a) => `« ${quoteCell(a)} »`))}.`,
  missingColumn: (file: string, column: string) => `${file} : colonne « ${quoteCell(column)} » attendue dans l'en-tête, absente.`,
  emptyCell: (file: string, line: number, column: string) => `${where(file, line, column)} : valeur attendue, cellule vide.`,
  ignoredColumns: (columns: string[]) =>
    `${plural(columns.length, 'colonne')} sans indicateur du catalogue, laissée${columns.length > 1 ? 's' : ''} de côté : ${examples(columns.map((c) => `« ${quoteCell(c)} »`))} (ajoutez un alias au catalogue pour les lire).`,
  badUai: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : code UAI attendu (sept chiffres et une lettre, par exemple 0620123A), lu « ${quoteCell(text)} ».`,
  duplicateSchool: (file: string, line: number, uai: string, first: number) =>
    `${where(file, line)} : l'établissement ${uai} figure déjà ligne ${first} pour la même rentrée ; une ligne par établissement et par année est attendue.`,
  outOfRange: (file: string, line: number, column: string, text: string, min: number, max: number) =>
    `${where(file, line, column)} : valeur hors des bornes possibles, lue « ${quoteCell(text)} » ; une valeur entre ${min} et ${max} est attendue.`,
  schoolsRead: (n: number, level: 'ecole' | 'college' | 'lycee' | undefined) =>
    `${plural(n, 'établissement')} lu${n > 1 ? 's' : ''}${level ? ` (${{ ecole: 'écoles', college: 'collèges', lycee: 'lycées' }[level]})` : ''} ; l'IPS des quartiers se calcule à partir des établissements fréquentés par leurs enfants.`,
  dictionarySkipped: (n: number) =>
    `dictionnaire de ${plural(n, 'colonne')} : il décrit un export et ne contient aucune valeur, il n'est pas lu comme données.`,
  quartierListRead: (n: number) => `${plural(n, 'quartier')} nommé${n > 1 ? 's' : ''} : ces noms servent aux quartiers absents du référentiel.`,
  quartiersSplit: (splits: [string, string[]][]) =>
    `${plural(splits.length, 'quartier')} 2015 découpé${splits.length > 1 ? 's' : ''} en plusieurs quartiers 2024 (${examples(splits.map(([qp, qn]) => `${qp} → ${qn.join(', ')}`), 2, ' ; ')}) : leurs valeurs restent sous le code 2015, mesurées sur l'ancien périmètre, sans être attribuées à l'un des quartiers 2024.`,
  quartiersMerged: (merges: [string, string[]][]) =>
    `${plural(merges.length, 'quartier')} 2024 issu${merges.length > 1 ? 's' : ''} de la fusion de plusieurs quartiers 2015 (${examples(merges.map(([qn, qp]) => `${qp.join(' + ')} → ${qn}`), 2, ' ; ')}) : les valeurs des quartiers 2015 restent sous leur code 2015, sans être additionnées.`,
  registryDisagrees: (rows: [string, string, string[]][]) =>
    `Le référentiel et la correspondance de l'ANCT ne s'accordent pas pour ${plural(rows.length, 'quartier')} (${rows.slice(0, 1).map(([qn, qp, other]) => `${qn} ↔ ${qp} dans le référentiel, ${qp} → ${examples(other, 2)} pour l'ANCT`).join('')}${rows.length > 1 ? '…' : ''}) : le référentiel fait foi ; vérifiez ses codes.`,
  notReadKind: () => 'non lu (le référentiel ou le catalogue est en erreur)',
  unknownKindLabel: () => 'non reconnu',
  noSources: (dir: string) => `${dir} : aucun fichier de données trouvé ; déposez les exports CSV dans ce dossier.`,
  noFigures: (dir: string) => `${dir} : aucune valeur d'indicateur lue dans les sources.`,
  sourcesMissing: (dir: string) => `${dir} : dossier des sources introuvable ; indiquez le bon dossier avec --sources DOSSIER.`,
  scopeRegistry: (published: number, registry: number, context: number) =>
    `Publiés : ${published === registry ? `les ${plural(registry, 'quartier')} du référentiel` : `${n(published)} des ${plural(registry, 'quartier')} du référentiel (les autres n'ont aucune valeur, voir l'avertissement)`} ; ${plural(context, 'autre quartier', 'autres quartiers')} des fichiers nationaux ${context > 1 ? 'servent' : 'sert'} de contexte (rang national, médiane des QPV), sans être ${context > 1 ? 'publiés' : 'publié'} (--tous-les-quartiers pour tout publier).`,
  registryQuartiersWithoutFigures: (registry: number, empty: { code: string; name: string; code2015: string }[]) => {
    const without2015 = empty.filter((q) => !q.code2015).length;
    const list = examples(empty.map((q) => `${q.code} ${q.name}`), 5, ' ; ');
    const why =
      without2015 === empty.length
        ? ` ${empty.length > 1 ? 'Aucun n\'a' : 'Il n\'a pas'} de code 2015 dans le référentiel : les fichiers au périmètre 2015 (Filosofi 2012-2021, recensement, RPLS) ne ${empty.length > 1 ? 'les' : 'le'} couvrent pas. Donnez dans le référentiel le code 2015 d\'un quartier qui en a un (correspondance de l\'ANCT), ou ajoutez ses chiffres au périmètre 2024.`
        : ' Vérifiez leurs codes (2024 et 2015) dans le référentiel et dans les fichiers.';
    return `${empty.length} des ${plural(registry, 'quartier')} du référentiel n'${empty.length > 1 ? 'ont' : 'a'} aucune valeur dans les sources et ne ${empty.length > 1 ? 'sont' : 'est'} pas publié${empty.length > 1 ? 's' : ''} : ${list}.${why}`;
  },
  scopeAll: (count: number) => `Publiés : tous les quartiers trouvés (${n(count)}), à la demande (--tous-les-quartiers).`,
  scopeNoRegistry: (count: number) =>
    `Aucun référentiel des quartiers dans les sources : tous les quartiers trouvés (${n(count)}) sont publiés, sans statut ni agglomération sauf ceux que donne une liste des QPV.`,
  quartiersWithoutTerritory: (count: number, codes: string[]) =>
    `${plural(count, 'quartier')} hors du référentiel et absent${count > 1 ? 's' : ''} de la liste des QPV 2024 des sources (${examples(codes)}) : publié${count > 1 ? 's' : ''} sans commune ni EPCI de référence.`,
  sheetLabel: (file: string, sheet: string) => `${file}, feuille « ${sheet} »`,
  workbookNotXlsx: (file: string, oldXls: boolean) =>
    `${file} : ce n'est pas un classeur .xlsx${oldXls ? " mais un classeur de l'ancien format .xls renommé" : " (le fichier n'a pas la forme d'un classeur Excel : un CSV ou un autre fichier renommé ?)"} ; ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format Classeur Excel (.xlsx) ou CSV.`,
  workbookUnreadable: (file: string, reason: string) =>
    `${file} : classeur Excel illisible (${reason.slice(0, 80)}) ; enregistrez-le de nouveau au format .xlsx (Excel : Fichier > Enregistrer sous > Classeur Excel) ou exportez chaque feuille en CSV.`,
  formulaWithoutResult: (file: string, sheet: string, cell: string, formula: string) =>
    `${file}, feuille « ${sheet} », cellule ${cell} : formule « =${formula.slice(0, 40)}${formula.length > 40 ? '…' : ''} » sans résultat enregistré ; ouvrez le classeur dans Excel ou LibreOffice et enregistrez-le (le résultat est alors gardé), ou remplacez la formule par sa valeur.`,
  otherOfficeFormat: (file: string) =>
    `${file} : format bureautique non lu (${(file.match(/\.[^./]+$/)?.[0] ?? '').toLowerCase()}) ; ouvrez-le dans Excel ou LibreOffice et enregistrez-le au format Classeur Excel (.xlsx) ou CSV (Fichier > Enregistrer sous), puis supprimez l'original du dossier des sources.`,
  sheetEmpty: () => 'feuille vide',
  sheetNotRecognised: (reason: string) => `feuille non reconnue : ${reason}`,
  sheetsNoneRecognised: (file: string, sheets: { sheet: string; reason: string }[]) =>
    `${file} : aucune feuille du classeur n'est un tableau reconnu (${sheets.slice(0, 3).map((s) => `feuille « ${quoteCell(s.sheet)} » : ${s.reason.replace(/\.$/, '')}`).join(' ; ')}${sheets.length > 3 ? ` ; et ${sheets.length - 3} autres` : ''}) ; la première ligne utile d'un tableau doit être son en-tête (codes, indicateurs).`,
  sheetFromMisopenedCsv: () =>
    "La feuille semble venir d'un CSV ouvert avec de mauvais réglages avant d'être enregistré en .xlsx (points-virgules restés dans les cellules, ou accents mal décodés comme « Ã© ») : déposez plutôt le CSV lui-même, ou rouvrez-le en choisissant le point-virgule comme séparateur et le bon jeu de caractères (UTF-8 ou Windows-1252).",
  sheetSkipped: (label: string, reason: string) => `${label} : ${reason} ; la feuille est laissée de côté.`,
  reportIgnoredTitle: (count: number) => `Fichiers ignorés (${count}) :`,
  reportIgnored: (file: string, reason: string) => `  - ${file} : ${reason}`,
  ignoredNotData: () => 'pas un fichier de données (seuls CSV, Excel .xlsx et GeoJSON sont lus)',
  ignoredOfficeLock: () => "fichier de verrouillage laissé par Excel ou Word tant que le document est ouvert (il disparaît à sa fermeture)",
  ignoredTextNotTable: () => "texte sans colonnes (des notes, pas un tableau) ; un tableau en .txt doit séparer ses colonnes par des tabulations ou des points-virgules",
  reportSideFilesTitle: (count: number) => `Fichiers annexes lus (${count}) :`,
  sideFileYear: (file: string, year: number, target: string) => `  - ${file} : année ${year} pour ${target}`,
  sideFileOrphan: (file: string, year: number) => `  - ${file} : année ${year}, mais aucun fichier de données du même nom à côté`,
};

// Messages about reading sources. Every one says where and what was expected.

import { where, frenchList, plural } from './place.ts';

export const ingest = {
  emptyFile: (file: string) => `${file} : fichier vide, un en-tête de colonnes et au moins une ligne de données sont attendus.`,
  noHeader: (file: string) => `${file}:1 : aucune ligne d'en-tête trouvée (au moins deux colonnes nommées sont attendues).`,
  headerOnly: (file: string, line: number) => `${where(file, line)} : le fichier ne contient que l'en-tête, aucune ligne de données.`,
  emptyHeaderCell: (file: string, line: number, column: number) =>
    `${where(file, line, column)} : nom de colonne vide dans l'en-tête ; chaque colonne doit être nommée.`,
  duplicateHeader: (file: string, line: number, name: string, first: number, second: number) =>
    `${where(file, line, name)} : la colonne « ${name} » apparaît deux fois dans l'en-tête (colonnes ${first} et ${second}) ; chaque nom de colonne doit être unique.`,
  fieldCount: (file: string, line: number, expected: number, got: number) =>
    `${where(file, line)} : ${plural(got, 'champ')} lu${got > 1 ? 's' : ''}, ${expected} attendu${expected > 1 ? 's' : ''} comme dans l'en-tête (séparateur ou guillemet en trop ?).`,
  quoteNotClosed: (file: string, line?: number) =>
    `${where(file, line)} : guillemet ouvert jamais refermé ; chaque champ entre guillemets doit se terminer par un guillemet.`,
  badClosingQuote: (file: string, line?: number) =>
    `${where(file, line)} : guillemet mal placé ; un guillemet à l'intérieur d'un champ doit être doublé ("").`,
  csvUnreadable: (file: string, line: number | undefined, detail: string) =>
    `${where(file, line)} : fichier CSV illisible (${detail}).`,
  binaryFile: (file: string) =>
    `${file} : fichier binaire (image, archive ou classeur ?) ; un fichier texte CSV est attendu. Exportez-le en CSV ou retirez-le de sources/.`,
  unreadableFile: (file: string, reason: string) => `${file} : lecture impossible (${reason}).`,
  symlinkLoop: (file: string) =>
    `${file} : lien symbolique qui revient vers un dossier déjà parcouru ; il est ignoré.`,
  unknownKind: (file: string, header: string[]) =>
    `${file} : type de fichier non reconnu d'après son en-tête (${header.slice(0, 6).map((h) => `« ${h} »`).join(', ')}${header.length > 6 ? '…' : ''}). ` +
    `Attendu : un export SIG Ville/INSEE (colonne de code quartier et colonnes d'indicateurs du catalogue), un panel (code, année, indicateurs), un fichier préfecture (quartier, indicateur, valeur), un fichier IPS, RPLS, le référentiel ou le catalogue. Ajoutez les noms de colonnes comme alias dans le catalogue.`,
  noIndicatorColumn: (file: string, line: number, header: string[]) =>
    `${where(file, line)} : aucune colonne ne correspond à un indicateur du catalogue (${header.map((h) => `« ${h} »`).join(', ')}). Ajoutez le nom de colonne dans la colonne « alias » du catalogue.`,
  notANumber: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : nombre attendu, lu « ${text} » (exemples acceptés : 40,2 ; 2 700 ; 12 % ; + de 30 % ; environ 990 ; s ou nd pour le secret ou l'absence).`,
  percentOver100: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : pourcentage supérieur à 100, lu « ${text} » ; une part ou un taux est attendu entre 0 et 100.`,
  negativeValue: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : valeur négative, lue « ${text} » ; cet indicateur ne peut pas être négatif.`,
  noYear: (file: string) =>
    `${file} : année introuvable. Donnez-la par une colonne « annee », dans le nom des colonnes (« pop_2022 »), dans le nom du fichier (« rpls_qpv_2022.csv ») ou dans un fichier voisin « ${file.replace(/\.[^./]+$/, '')}.annee » contenant l'année.`,
  badYear: (file: string, line: number, column: string, text: string) =>
    `${where(file, line, column)} : année attendue (AAAA ou AAAA-AAAA), lu « ${text} ».`,
  noCode: (file: string, line: number, column: string) =>
    `${where(file, line, column)} : code de territoire vide ; chaque ligne doit désigner un quartier, une commune ou un EPCI.`,
  unknownQuartierName: (file: string, line: number, column: string, name: string) =>
    `${where(file, line, column)} : quartier « ${name} » introuvable dans le référentiel ; donnez son code ou ajoutez-le au référentiel des quartiers.`,
  unknownIndicator: (file: string, line: number, column: string, name: string) =>
    `${where(file, line, column)} : indicateur « ${name} » inconnu du catalogue ; ajoutez ce libellé dans la colonne « alias » du catalogue.`,
  conflict: (indicator: string, territory: string, year: number, a: string, av: string, b: string, bv: string) =>
    `Conflit pour ${indicator}, ${territory}, ${year} : ${a} donne « ${av} » mais ${b} donne « ${bv} ». Corrigez l'un des deux fichiers ou indiquez dans le référentiel (fichier priorites.csv) quelle source prévaut.`,
  unknownQuartiers: (count: number, examples: string[]) =>
    `${plural(count, 'figure')} concerne${count > 1 ? 'nt' : ''} des quartiers absents du référentiel (${frenchList(examples.slice(0, 5))}${examples.length > 5 ? '…' : ''}) : ${count > 1 ? 'elles sont gardées' : 'elle est gardée'} dans le tableau sans nom ni statut.`,
  missingRegistry: () =>
    `Aucun référentiel des quartiers trouvé dans les sources : un fichier CSV avec les colonnes code_2024, code_2015, nom, statut, communes_insee, communes_noms, commune_convention, epci_siren, epci_nom, epci_sigle est attendu (voir README).`,
  missingCatalogue: () =>
    `Aucun catalogue des indicateurs trouvé dans les sources : un fichier CSV avec les colonnes id, libelle, unite, polarite, alias est attendu (voir README).`,
  badEnum: (file: string, line: number, column: string, text: string, allowed: string[]) =>
    `${where(file, line, column)} : valeur « ${text} » non reconnue ; attendu ${frenchList(allowed.map((a) => `« ${a} »`))}.`,
  missingColumn: (file: string, column: string) => `${file} : colonne « ${column} » attendue dans l'en-tête, absente.`,
  emptyCell: (file: string, line: number, column: string) => `${where(file, line, column)} : valeur attendue, cellule vide.`,
  noSources: (dir: string) => `${dir} : aucun fichier de données trouvé ; déposez les exports CSV dans ce dossier.`,
  noFigures: (dir: string) => `${dir} : aucune valeur d'indicateur lue dans les sources.`,
  sourcesMissing: (dir: string) => `${dir} : dossier des sources introuvable.`,
};

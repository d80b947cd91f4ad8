// Messages about what the tool refuses to delete, overwrite or read: foreign
// files in the output folder, outputs inside the sources, errno causes.

import { quoteCell } from './quote.ts';
import { frenchList, where } from './place.ts';

/** At most `max` names, then how many more. */
export function someNames(names: string[], max = 5): string {
  if (names.length <= max) return frenchList(names);
  return `${names.slice(0, max).join(', ')} et ${names.length - max} autre${names.length - max > 1 ? 's' : ''}`;
}

export const outputSafety = {
  outHoldsForeignFiles: (out: string, files: string[]) =>
    `Le dossier de sortie ${out} contient ${files.length > 1 ? 'des fichiers' : 'un fichier'} que quartiers n'a pas écrit${files.length > 1 ? 's' : ''} (ou pas avec ces octets) : ${someNames(files)}. ` +
    `Une publication remplace le dossier entier : rien n'est fait. Déplacez ${files.length > 1 ? 'ces fichiers' : 'ce fichier'} hors de ${out}, ou choisissez un autre dossier pour --out.`,
  emptyFolderOption: (option: string) => `${option} attend un chemin de dossier, lu une valeur vide.`,
  outInsideSources: (out: string, sources: string) =>
    `Le dossier de sortie ${out} est dans le dossier des sources ${sources} (ou est ce dossier) : les rapports publiés seraient relus comme des sources à l'exécution suivante. Choisissez un --out hors de ${sources}.`,
  sourcesInsideOut: (out: string, sources: string) =>
    `Le dossier des sources ${sources} est dans le dossier de sortie ${out} : une publication le remplacerait. Choisissez un --out qui ne contient pas ${sources}.`,
  fileNameClash: (a: { code: string; file: string; line: number }, b: { code: string; file: string; line: number }, fileName: string) =>
    `Les quartiers « ${quoteCell(a.code)} » (${where(a.file, a.line)}) et « ${quoteCell(b.code)} » (${where(b.file, b.line)}) auraient les mêmes fichiers dans les rapports (« ${quoteCell(fileName)} ») : ` +
    `les noms de fichiers confondent / : \\ et les autres séparateurs, majuscules et minuscules, les espaces répétés ou finaux, et s'arrêtent à 80 caractères. Donnez-leur des codes plus distincts.`,
  runSystemError: (out: string, cause: string) =>
    `Écriture ou lecture impossible pendant la publication dans ${out} (${cause}) : rien n'a été publié, les rapports précédents sont intacts et le dossier temporaire a été supprimé. Libérez de la place ou corrigez l'accès, puis relancez.`,
  cellTruncated: (length: number) => ` […] (texte coupé : ${length.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ')} caractères dans la source, 32 767 au plus dans une cellule Excel)`,
  epciFileNameClash: (a: { code: string; file: string; line: number }, b: { code: string; file: string; line: number }, fileName: string) =>
    `Les agglomérations « ${quoteCell(a.code)} » (${where(a.file, a.line)}) et « ${quoteCell(b.code)} » (${where(b.file, b.line)}) auraient les mêmes fichiers dans les rapports (« ${quoteCell(fileName)} ») : ` +
    `les noms de fichiers confondent les séparateurs, majuscules et minuscules et les espaces. Vérifiez le SIREN (epci_siren) de l'une des deux.`,
  leftoverKept: (folder: string, files: string[]) =>
    `${folder} n'est pas supprimé : il contient ${files.length > 1 ? 'des fichiers' : 'un fichier'} que quartiers n'a pas écrit${files.length > 1 ? 's' : ''} ou qui ${files.length > 1 ? 'ont' : 'a'} changé depuis la publication (${someNames(files)}). Récupérez ce qui vous est utile, puis supprimez ce dossier.`,
};

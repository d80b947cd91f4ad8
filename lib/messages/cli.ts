// Messages of the command line: usage, summary, locks, the yearly refresh.

import { quoteCell } from './quote.ts';
import { formatFrenchNumber } from '../text/french-number.ts';

/** « Vouliez-vous dire --annee ? », or nothing when no candidate is close. */
const didYouMean = (nearest: string | undefined) => (nearest ? ` Vouliez-vous dire ${nearest} ?` : '');

export const cli = {
  unknownCommand: (cmd: string, nearest?: string) => `Commande inconnue « ${quoteCell(cmd)} ».${didYouMean(nearest)} Commandes : run, validate, verifier. Voir « quartiers --help ».`,
  unexpectedArgument: (arg: string, cmd: string) => `Argument inattendu « ${quoteCell(arg)} » après la commande ${cmd} : une seule commande à la fois. Voir « quartiers --help ».`,
  badWait: (text: string) => `--attendre attend un nombre de secondes (ex. --attendre=600), lu « ${quoteCell(text)} ».`,
  unknownOption: (opt: string, nearest?: string) => `Option inconnue « ${quoteCell(opt)} ».${didYouMean(nearest)} Voir « quartiers --help ».`,
  missingOptionValue: (opt: string) => `L'option ${opt} attend une valeur.`,
  badYearOption: (text: string) => `--annee attend une année sur quatre chiffres, lu « ${quoteCell(text)} ».`,
  badFormat: (text: string, allowed: string[], nearest?: string) => `--formats : format « ${quoteCell(text)} » inconnu ; formats possibles : ${allowed.join(', ')}.${didYouMean(nearest)}`,
  badLog: (text: string, nearest?: string) => `--log attend « texte » ou « json », lu « ${quoteCell(text)} ».${didYouMean(nearest)}`,
  unknownQuartierOption: (code: string, nearest?: string) => `--quartier : quartier « ${quoteCell(code)} » absent des sources.${didYouMean(nearest)}`,
  quartierOptionWithoutFigures: (code: string, name: string) =>
    `--quartier : le quartier ${quoteCell(code)} (${quoteCell(name)}) est dans le référentiel mais aucune source ne lui donne de valeur ; rien à publier pour lui (voir l'avertissement sur les quartiers sans valeur de « quartiers validate »).`,
  yearAbsent: (year: number, years: number[]) => `--annee ${year} : aucune donnée pour cette année dans les sources (années présentes : ${years.join(', ')}).`,
  internalError: (detail: string) => `Erreur interne inattendue : ${detail}. Relancez avec --debug pour le détail et signalez-la.`,
  errorCount: (n: number) => `${n} erreur${n > 1 ? 's' : ''} dans les sources : rien n'a été publié, les rapports précédents sont intacts.`,
  errorsNotShown: (more: number, file: string, sources: string) =>
    `  … et ${count(more)} autre${more > 1 ? 's' : ''} erreur${more > 1 ? 's' : ''} dans ${file}, non affichée${more > 1 ? 's' : ''} ici : « quartiers validate --sources ${sources} » les liste toutes.`,
  warningPrefix: 'Avertissement : ',
  digestWarnings: 'avertissements',
  digestNotes: 'notes',
  digestMore: (more: number, total: number, label: string) =>
    `  … et ${count(more)} autre${more > 1 ? 's' : ''} du même genre (${count(total)} ${label} de ce genre en tout) : liste complète dans journal.txt.`,
  errorPrefix: 'Erreur : ',
};

/** A count with French thousands separators (« 61 797 »). */
const count = (n: number) => formatFrenchNumber(n);
/** « 55 s », « 3 min 05 s », « 1 h 02 min ». */
const duration = (s: number) => {
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
};
const seconds = (s: number) => `${(Math.round(s * 10) / 10).toFixed(1).replace('.', ',')} s`;

export const runMessages = {
  locked: (out: string, pid: number, started: string) =>
    `Le dossier ${out} est occupé par un autre traitement (processus ${pid}, démarré le ${started}). Réessayez plus tard ou lancez avec --attendre.`,
  lockedAfterWait: (out: string, pid: number, started: string, waitedSeconds: number) =>
    `Le dossier ${out} est toujours occupé par un autre traitement (processus ${pid}, démarré le ${started}) après ${seconds(waitedSeconds)} d'attente : abandon, rien n'a été publié.`,
  waiting: (out: string, pid: number, started: string) =>
    `Le dossier ${out} est occupé par un autre traitement (processus ${pid}, démarré le ${started}) : attente de sa fin (--attendre).`,
  outIsFile: (out: string) => `Le dossier de sortie ${out} existe mais n'est pas un dossier : choisissez un autre --out ou déplacez ce fichier.`,
  outForeignLink: (out: string, target: string) =>
    `Le dossier de sortie ${out} est un lien symbolique vers ${target}, qui n'a pas été créé par quartiers : pour publier à cet endroit, passez --out ${target} (quartiers y gère lui-même un lien vers la dernière version publiée).`,
  leftoversRemoved: (names: string[]) => `Restes d'un traitement interrompu supprimés : ${names.join(', ')}.`,
  outputRestored: (out: string, version: string) => `${out} manquait (traitement interrompu pendant sa première publication) : rétabli sur la dernière version complète ${version}.`,
  publishedIncomplete: (out: string) => `Sources inchangées, mais le dossier publié ${out} est incomplet ou modifié : nouvelle publication.`,
  interruptedAfterPublish: (signal: string, out: string) =>
    `Interruption (${signal}) reçue pendant la publication : celle-ci a été menée à son terme, ${out} contient la nouvelle version complète.`,
  phaseDone: (phase: string, counts: string, elapsedSeconds: number) => `${phase} : ${counts} (${seconds(elapsedSeconds)})`,
  phaseRunning: (phase: string, counts: string, elapsedSeconds: number) => `${phase} : ${counts}… ${seconds(elapsedSeconds)}`,
  /** « graphiques : 1 693 / 5 698 (30 %), reste ≈ 55 s » (no estimate at the very start). */
  phaseProgress: (phase: string, done: number, total: number, percent: number, remainingSeconds: number | null) =>
    `${phase} : ${count(done)} / ${count(total)} (${percent} %)${remainingSeconds === null ? '' : `, reste ≈ ${duration(remainingSeconds)}`}`,
  countFiles: (n: number) => `${count(n)} fichier${n > 1 ? 's' : ''}`,
  countFilesRead: (files: number, figures: number) => `${count(files)} fichier${files > 1 ? 's' : ''} lu${files > 1 ? 's' : ''}, ${count(figures)} valeur${figures > 1 ? 's' : ''}`,
  countRows: (n: number) => `${count(n)} ligne${n > 1 ? 's' : ''}`,
  verifyOk: (out: string, files: number) => `${out} : les ${count(files)} fichiers publiés correspondent à manifest.json.`,
  verifyNoManifest: (out: string) => `${out} : pas de manifest.json lisible, le dossier ne peut pas être vérifié.`,
  verifyProblem: (file: string, problem: string) => `${file} : ${problem}`,
  verifyMissing: 'absent',
  verifyChanged: 'contenu différent de celui enregistré dans manifest.json',
  verifyExtra: 'présent mais absent de manifest.json',
  verifyFailed: (out: string, n: number) => `${out} : ${n} écart${n > 1 ? 's' : ''} avec manifest.json.`,
  unchanged: (out: string) => `Sources, options et version inchangées depuis la dernière publication de ${out} : rien à refaire.`,
  summary: (quartiers: number, figures: number, files: number, out: string, seconds: number, warnings: number, reused = 0) =>
    `Terminé : ${count(quartiers)} quartier${quartiers > 1 ? 's' : ''}, ${count(figures)} valeur${figures > 1 ? 's' : ''}, ${count(files)} fichier${files > 1 ? 's' : ''} publié${files > 1 ? 's' : ''}${reused ? ` (dont ${count(reused)} repris de la publication précédente, inchangé${reused > 1 ? 's' : ''})` : ''} dans ${out} en ${formatFrenchNumber(seconds, 1)} s${warnings ? `, ${count(warnings)} avertissement${warnings > 1 ? 's' : ''}` : ''}.`,
  validateSummary: (files: number, figures: number, warnings: number) =>
    `Sources valides : ${count(files)} fichier${files > 1 ? 's' : ''} reconnu${files > 1 ? 's' : ''}, ${count(figures)} valeur${figures > 1 ? 's' : ''}${warnings ? `, ${count(warnings)} avertissement${warnings > 1 ? 's' : ''}` : ''}.`,
  outNotWritable: (out: string, reason: string) => `Le dossier de sortie ${out} ne peut pas être écrit (${reason}).`,
  interrupted: (signal: string) => `Interrompu (${signal}) : la sortie temporaire a été supprimée, les rapports précédents sont intacts.`,
};

export const refreshMessages = {
  refreshValidating: (sources: string) => `1/3 Vérification des nouvelles sources (${sources})…`,
  refreshArchiving: (out: string, archive: string) => `2/3 Archivage des rapports publiés (${out}) dans ${archive}…`,
  refreshArchiveExists: (archive: string) => `2/3 ${archive} existe déjà : archive conservée telle quelle.`,
  refreshNothingToArchive: (out: string) => `2/3 Pas de rapports publiés dans ${out} : rien à archiver.`,
  refreshRunning: (out: string) => `3/3 Production des nouveaux rapports dans ${out}…`,
  refreshFailed: (step: string, code: number) => `Actualisation arrêtée à l'étape « ${quoteCell(step)} » (code ${code}) : les rapports publiés et les archives sont intacts.`,
  refreshArchiveBroken: (archive: string) => `L'archive ${archive} ne correspond pas à son manifest.json : actualisation arrêtée.`,
  refreshFirst: 'Première publication : rien à comparer avec l\'année précédente.',
  refreshYears: (before: number[], after: number[]) => `Années les plus récentes des indicateurs : ${before.join(', ') || '—'} (publication précédente) → ${after.join(', ') || '—'} (nouvelle publication).`,
  refreshMore: (n: number, file: string) => `  … et ${formatFrenchNumber(n)} autre${n > 1 ? 's' : ''} : voir ${file}.`,
};

// Messages of the command line: usage, summary, locks.

export const cli = {
  unknownCommand: (cmd: string) => `Commande inconnue « ${cmd} ». Commandes : run, validate. Voir « quartiers --help ».`,
  unknownOption: (opt: string) => `Option inconnue « ${opt} ». Voir « quartiers --help ».`,
  missingOptionValue: (opt: string) => `L'option ${opt} attend une valeur.`,
  badYearOption: (text: string) => `--annee attend une année sur quatre chiffres, lu « ${text} ».`,
  badFormat: (text: string, allowed: string[]) => `--formats : format « ${text} » inconnu ; formats possibles : ${allowed.join(', ')}.`,
  badLog: (text: string) => `--log attend « texte » ou « json », lu « ${text} ».`,
  unknownQuartierOption: (code: string) => `--quartier : quartier « ${code} » absent des sources.`,
  yearAbsent: (year: number, years: number[]) => `--annee ${year} : aucune donnée pour cette année dans les sources (années présentes : ${years.join(', ')}).`,
  internalError: (detail: string) => `Erreur interne inattendue : ${detail}. Relancez avec --debug pour le détail et signalez-la.`,
  errorCount: (n: number) => `${n} erreur${n > 1 ? 's' : ''} dans les sources : rien n'a été publié, les rapports précédents sont intacts.`,
  warningPrefix: 'Avertissement : ',
  errorPrefix: 'Erreur : ',
};

export const runMessages = {
  locked: (out: string, pid: number, started: string) =>
    `Le dossier ${out} est occupé par un autre traitement (processus ${pid}, démarré le ${started}). Réessayez plus tard ou lancez avec --attendre.`,
  unchanged: (out: string) => `Sources, options et version inchangées depuis la dernière publication de ${out} : rien à refaire.`,
  summary: (quartiers: number, figures: number, files: number, out: string, seconds: number, warnings: number) =>
    `Terminé : ${quartiers} quartier${quartiers > 1 ? 's' : ''}, ${figures} valeur${figures > 1 ? 's' : ''}, ${files} fichier${files > 1 ? 's' : ''} publié${files > 1 ? 's' : ''} dans ${out} en ${seconds.toFixed(1).replace('.', ',')} s${warnings ? `, ${warnings} avertissement${warnings > 1 ? 's' : ''}` : ''}.`,
  validateSummary: (files: number, figures: number, warnings: number) =>
    `Sources valides : ${files} fichier${files > 1 ? 's' : ''} reconnu${files > 1 ? 's' : ''}, ${figures} valeur${figures > 1 ? 's' : ''}${warnings ? `, ${warnings} avertissement${warnings > 1 ? 's' : ''}` : ''}.`,
  outNotWritable: (out: string, reason: string) => `Le dossier de sortie ${out} ne peut pas être écrit (${reason}).`,
  interrupted: (signal: string) => `Interrompu (${signal}) : la sortie temporaire a été supprimée, les rapports précédents sont intacts.`,
};

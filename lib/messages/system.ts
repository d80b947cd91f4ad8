// What the system said, in the user's words: file system errors by their code.

const ERRNO_TEXT: Record<string, string> = {
  EACCES: 'permission refusée',
  EPERM: 'opération non permise',
  EROFS: 'système de fichiers en lecture seule',
  ENOTDIR: 'un élément du chemin est un fichier, pas un dossier',
  ENOSPC: 'plus de place sur le disque',
  EEXIST: 'un élément du chemin est un fichier, pas un dossier',
};

/** « permission refusée » for EACCES…; the system's own message for a code not known here. */
export function systemErrorText(code: string | undefined, systemMessage: string): string {
  return (code && ERRNO_TEXT[code]) || systemMessage;
}

// What a system error means, in French: the causes a user can act on, and
// the bare code otherwise — never Node's English text.

const CAUSES: Record<string, string> = {
  EACCES: 'permission refusée',
  EPERM: 'opération non permise',
  EROFS: 'système de fichiers en lecture seule',
  ENOTDIR: 'un élément du chemin est un fichier, pas un dossier',
  EEXIST: 'un élément du chemin est un fichier, pas un dossier',
  EISDIR: 'un dossier se trouve là où un fichier est attendu',
  ENOENT: 'fichier ou dossier introuvable',
  ENOSPC: 'plus de place sur le disque',
  EDQUOT: 'quota de disque dépassé',
  EFBIG: 'fichier trop grand pour ce système de fichiers',
  EIO: 'erreur d’entrée-sortie du disque',
  EMFILE: 'trop de fichiers ouverts',
  ENFILE: 'trop de fichiers ouverts sur le système',
  ENAMETOOLONG: 'nom de fichier trop long',
  ELOOP: 'boucle de liens symboliques',
  EBUSY: 'ressource occupée',
  ETXTBSY: 'fichier occupé',
  EXDEV: 'le dossier et son voisin ne sont pas sur le même disque',
  ENOMEM: 'mémoire insuffisante',
  ESTALE: 'partage réseau perdu',
};

/** The French cause of a system error (an Error with an errno `code`, or the code itself). */
export function errnoText(e: unknown): string {
  const code = typeof e === 'string' ? e : (e as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && CAUSES[code]) return CAUSES[code];
  return typeof code === 'string' ? `erreur système ${code}` : 'erreur système';
}

/** Whether `e` is a system error (fs, process) rather than a defect of the tool. */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && 'syscall' in e;
}

// A workbook's file name from a commune or agglomeration name: transliterated
// to ASCII (« Béthune » → « bethune »), lower case, words joined by hyphens.
// Such names survive e-mail, zip archives and every file system; they hold no
// separator, never start with a dot and stay short.

const MAX_STEM = 80;

export function fileSlug(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[œŒ]/g, 'oe')
    .replace(/[æÆ]/g, 'ae')
    .replace(/ß/g, 'ss')
    .toLowerCase();
  const slug = ascii.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return slug.slice(0, MAX_STEM).replace(/-+$/, '');
}

/** `<prefix>-<slug>.xlsx`, made unique against `taken` with -2, -3… */
export function workbookFileName(prefix: string, name: string, taken: Set<string>): string {
  const stem = [prefix, fileSlug(name)].filter(Boolean).join('-').slice(0, MAX_STEM) || 'classeur';
  let candidate = `${stem}.xlsx`;
  for (let k = 2; taken.has(candidate); k++) candidate = `${stem}-${k}.xlsx`;
  taken.add(candidate);
  return candidate;
}

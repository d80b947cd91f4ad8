// Excel sheet names: at most 31 characters, none of [ ] : * ? / \, not
// starting or ending with an apostrophe, not « History », unique without
// regard to case.

const MAX = 31;

export function cleanSheetName(name: string): string {
  const s = name
    .normalize('NFC')
    .replace(/[[\]:*?/\\\u0000-\u001f]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '')
    .trim();
  return s || 'Feuille';
}

/** Allocates unique sheet names within one workbook. */
export function sheetNameAllocator(): (name: string) => string {
  const used = new Set<string>(['history']);
  return (name) => {
    const base = cleanSheetName(name);
    for (let k = 1; ; k++) {
      const suffix = k === 1 ? '' : ` (${k})`;
      const candidate = base.slice(0, MAX - suffix.length).replace(/[\s']+$/, '') + suffix;
      if (!used.has(candidate.toLowerCase())) {
        used.add(candidate.toLowerCase());
        return candidate;
      }
    }
  };
}

/** Words a cut name must not end on. */
const DANGLING = /^(de|du|des|d’|d'|et|la|le|les|l’|l'|à|au|aux|en|sur|sous)$/i;

/**
 * A quartier's sheet name: its code and as much of its name as fits in 31
 * characters, cut between words, never mid-word: first at a clause
 * (« QN06205M Cités 5 » from « Cités 5, de Marles et du Rond-Point »), else
 * at the last word that fits, without a dangling « de », « et »…
 */
export function quartierSheetName(code: string, name: string): string {
  const clean = cleanSheetName(name);
  const full = cleanSheetName(`${code} ${clean}`);
  if (full.length <= MAX) return full;
  const room = MAX - code.length - 1;
  if (room < 1) return code.slice(0, MAX);
  const clause = clean.split(/\s*[,;(–—]\s*|\s+-\s+/)[0]!.trim();
  if (clause && clause.length <= room) return `${code} ${clause}`;
  const words = clean.split(' ');
  const kept: string[] = [];
  for (const word of words) {
    if ([...kept, word].join(' ').length > room) break;
    kept.push(word);
  }
  while (kept.length && DANGLING.test(kept.at(-1)!.replace(/[,;.:]$/, ''))) kept.pop();
  const text = kept.join(' ').replace(/[\s,;.:–-]+$/, '');
  return text ? `${code} ${text}` : code;
}

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

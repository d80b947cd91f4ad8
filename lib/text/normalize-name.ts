// Names reduced to a comparable form: column names as exports write them,
// territory and quartier names. Read by the readers (lib/ingest) and by the
// measures that match territories by name (lib/measures/references.ts).

/**
 * Names already reduced: readers look columns up by name for every row, and
 * the same few header names and territory names come back each time.
 */
const NORMALIZED = new Map<string, string>();

/** "Taux de pauvreté (%) 2019" → "taux de pauvrete 2019" */
export function normalizeName(name: string): string {
  let n = NORMALIZED.get(name);
  if (n === undefined) {
    if (NORMALIZED.size >= 50_000) NORMALIZED.clear();
    n = reduce(name);
    NORMALIZED.set(name, n);
  }
  return n;
}

function reduce(name: string): string {
  return name
    .replace(/^\ufeff/, '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/\(\s*%\s*\)|%|\(\s*en\s*%\s*\)/g, ' ')
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

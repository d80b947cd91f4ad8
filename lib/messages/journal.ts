// Words of journal.txt, the full account of what the sources said during a run.

import { formatFrenchNumber } from '../text/french-number.ts';

const count = (n: number) => formatFrenchNumber(n);

export const journalText = {
  title: (year: number) => `Journal des sources – rapport ${year}`,
  scopeTitle: 'Quartiers publiés :',
  warningsTitle: (n: number) => `Avertissements (${count(n)}) :`,
  noWarnings: 'aucun.',
  notesTitle: (n: number) => `Graphiques non produits et autres notes (${count(n)}) :`,
  noNotes: 'aucune.',
  kind: (code: string, n: number) => `[${code}] ${count(n)}`,
};

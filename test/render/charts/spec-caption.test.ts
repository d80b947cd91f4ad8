// A chart's caption in a workbook or the HTML report reads its subtitle
// lines as sentences, not run together.

import { describe, expect, it } from 'vitest';
import { specCaption } from '../../../lib/render/charts/spec-caption.ts';

describe('specCaption', () => {
  it('ends each subtitle line as a sentence, and keeps a single line as it is', () => {
    const c = specCaption({ title: { text: 'Cités 5 : écarts', subtitle: ['Source : SIG Ville 2022, ancien périmètre', 'Référence : CABBALR', 'Bande jaune : contrat 2024-2030.'] }, description: 'd' });
    expect(c.subtitle).toBe('Source : SIG Ville 2022, ancien périmètre. Référence : CABBALR. Bande jaune : contrat 2024-2030.');
    expect(specCaption({ title: { text: 't', subtitle: ['Source : INSEE'] } }).subtitle).toBe('Source : INSEE');
    expect(specCaption({ title: 'Titre seul' })).toEqual({ title: 'Titre seul', subtitle: '', description: '' });
  });
});

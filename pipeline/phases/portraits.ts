import { renderPortrait } from '../../lib/render/portrait/portrait.ts';
import type { OutputPhase } from './phase.ts';
import { quartierMapNote } from '../../lib/render/maps/report-maps.ts';
import { quartierMapFile } from '../../lib/render/maps/map-files.ts';
import { safeFileName } from '../../lib/text/safe-file-name.ts';

export const portraitsPhase: OutputPhase = {
  name: 'portraits',
  formats: ['md'],
  async run(model, out, formats, effects) {
    effects.planned?.(model.quartiers.length);
    for (const q of model.quartiers) {
      effects.checkpoint();
      const text = renderPortrait({ quartierCode: q.code, quartier: q.quartier, rows: q.rows, catalogue: model.catalogue, notes: model.notes, year: model.year, mapNote: quartierMapNote(model, q, quartierMapFile(q.code, formats)) });
      await out.write(`portraits/${safeFileName(q.code)}.md`, text);
    }
    return { count: model.quartiers.length };
  },
};

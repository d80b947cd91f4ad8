// How far a phase is, once it knows how many files it will write (the chart
// plan, the workbook plan…): on a terminal « graphiques : 1 693 / 5 698
// (30 %), reste ≈ 55 s », and with --log json the same figures in a
// `progression` event at every tenth of the way.

import { msg } from '../lib/messages/index.ts';
import type { Logger } from './log.ts';

/** Before this share of the files or this many ms, the time left is not guessed. */
const ESTIMATE_AFTER = { share: 0.02, ms: 2000 };

export interface PhaseProgress {
  /** The phase will write this many files. */
  planned(total: number): void;
  /** `done` files written so far; true when the progress was shown (a total is known). */
  advanced(done: number): boolean;
}

export function phaseProgress(phase: string, log: Logger, clock: () => number, foreground: boolean): PhaseProgress {
  const start = clock();
  let total = 0;
  let lastTenth = -1;
  return {
    planned(n) {
      total = n;
    },
    advanced(done) {
      if (total <= 0) return false;
      const elapsed = clock() - start;
      const share = Math.min(1, done / total);
      const remaining = done > 0 && (share >= ESTIMATE_AFTER.share || elapsed >= ESTIMATE_AFTER.ms) ? Math.round((elapsed / done) * Math.max(0, total - done) / 1000) : null;
      const percent = Math.floor(share * 100);
      if (foreground) log.progress?.line(msg.phaseProgress(phase, done, total, percent, remaining));
      const tenth = Math.floor(share * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        log.event({ event: 'progression', phase, fichiers: done, total, pourcentage: percent, reste_s: remaining });
      }
      return true;
    },
  };
}

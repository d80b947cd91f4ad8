// The logger: progress drawn in place on a terminal only, JSON lines for
// collectors, errors only with --quiet.

import { describe, expect, it } from 'vitest';
import { createLogger, wantsProgress, type LoggerOptions } from '../../pipeline/log.ts';
import { msg } from '../../lib/messages/index.ts';

function recorded(o: Partial<LoggerOptions>) {
  const out: string[] = [];
  const err: string[] = [];
  let t = 0;
  const log = createLogger({ mode: 'texte', quiet: false, stdout: (s) => out.push(s), stderr: (s) => err.push(s), now: () => new Date('2026-01-05T03:00:00Z'), clock: () => t, ...o });
  return { log, out, err, tick: (ms: number) => void (t += ms) };
}

function runPhase(r: ReturnType<typeof recorded>) {
  r.log.progress!.start('graphiques');
  for (let i = 1; i <= 5; i++) {
    r.tick(60);
    r.log.progress!.update(msg.countFiles(i));
  }
  r.log.warn('Avertissement : attention');
  r.log.progress!.done(msg.phaseDone('graphiques', msg.countFiles(5), 0.3));
  r.log.info('Terminé.');
}

describe('createLogger', () => {
  it('on a terminal, redraws one progress line per phase, throttled, and erases it before any message', () => {
    const r = recorded({ tty: true });
    runPhase(r);
    const text = r.err.join('');
    expect(text.match(/\r\x1b\[2Kgraphiques : \d fichiers?… 0,\d s/g)).toHaveLength(2); // every ~100 ms, not at every file
    expect(text).toContain('\r\x1b[2KAvertissement : attention\n');
    expect(text.endsWith('✓ graphiques : 5 fichiers (0,3 s)\nTerminé.\n')).toBe(true);
    expect(r.out).toEqual([]);
  });

  it('elsewhere, writes no escape code and no progress line', () => {
    const r = recorded({ tty: false });
    runPhase(r);
    expect(r.err.join('')).toBe('Avertissement : attention\nTerminé.\n');
  });

  it('--quiet keeps errors only; --log json writes one object per line on stdout', () => {
    const q = recorded({ quiet: true });
    runPhase(q);
    q.log.error('Erreur : grave');
    expect(q.err.join('')).toBe('Erreur : grave\n');
    const j = recorded({ mode: 'json' });
    runPhase(j);
    j.log.event({ event: 'phase', phase: 'graphiques', fichiers: 5, duree_ms: 300 });
    const lines = j.out.join('').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.event)).toEqual(['avertissement', 'info', 'phase']);
    expect(lines[2]).toEqual({ time: '2026-01-05T03:00:00.000Z', level: 'info', event: 'phase', phase: 'graphiques', fichiers: 5, duree_ms: 300 });
    expect(j.err).toEqual([]);
  });

  it('draws progress only in text mode, not quiet, not in CI, not on a dumb terminal', () => {
    const tty = process.stderr.isTTY;
    try {
      process.stderr.isTTY = true;
      expect(wantsProgress('texte', false, {})).toBe(true);
      expect(wantsProgress('texte', false, { CI: 'true' })).toBe(false);
      expect(wantsProgress('texte', false, { TERM: 'dumb' })).toBe(false);
      expect(wantsProgress('texte', true, {})).toBe(false);
      expect(wantsProgress('json', false, {})).toBe(false);
      process.stderr.isTTY = false;
      expect(wantsProgress('texte', false, {})).toBe(false);
    } finally {
      process.stderr.isTTY = tty;
    }
  });

  it('shows at most 3 examples of each kind of warning or repeated note, then counts the rest; JSON keeps every one', () => {
    const r = recorded({ tty: false });
    for (let i = 0; i < 2918; i++) r.log.info(`Graphique non produit ${i}`, { event: 'graphique_omis' });
    for (let i = 0; i < 5; i++) r.log.warn(`Avertissement : a${i}`, { event: 'avertissement', code: 'a' });
    r.log.warn('Avertissement : b', { event: 'avertissement', code: 'b' });
    for (let i = 0; i < 30; i++) r.log.info(`contrôle ${i}`, { event: 'controle' });
    const { lines, warnings } = r.log.digest!();
    expect(warnings).toBe(6);
    expect(lines).toEqual([msg.digestMore(2915, 2918, msg.digestNotes), msg.digestMore(2, 5, msg.digestWarnings)]);
    const text = r.err.join('');
    expect(text.split('\n').filter((l) => l.startsWith('Graphique'))).toHaveLength(3);
    expect(text).toContain('a2\n');
    expect(text).not.toContain('a3');
    expect(text).toContain('b\n');
    // Lines of the quality report are not repeated notes: every one is printed.
    expect(text.split('\n').filter((l) => l.startsWith('contrôle'))).toHaveLength(30);

    const j = recorded({ mode: 'json' });
    for (let i = 0; i < 5; i++) j.log.warn(`Avertissement : a${i}`, { event: 'avertissement', code: 'a' });
    expect(j.out).toHaveLength(5);
  });
});

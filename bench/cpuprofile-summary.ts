// A V8 .cpuprofile (node --cpu-prof) → where the time goes: self time per
// function and per file, merged over every profile of a folder (the main
// thread and any worker threads each write one).

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber?: number }; hitCount?: number }[];
  samples?: number[];
  timeDeltas?: number[];
  startTime: number;
  endTime: number;
}

export interface SelfTime {
  name: string;
  where: string;
  ms: number;
}

export interface ProfileSummary {
  /** Sampled time when a thread was busy: (idle) left out. */
  totalMs: number;
  idleMs: number;
  functions: SelfTime[];
  files: SelfTime[];
}

/** `file:///…/repo/lib/x.ts` → `lib/x.ts`; node internals keep their `node:` name. */
export function shortUrl(url: string, root: string): string {
  let u = url.replace(/^file:\/\//, '');
  if (root && u.startsWith(root)) u = u.slice(root.length);
  return u.replace(/^\/+/, '') || '(natif)';
}

/** Maps a V8 position (0-based line and column) to a 0-based source line, when it can. */
export type PositionMapper = (url: string, line: number, column: number) => number | undefined;

export function summarizeProfiles(profiles: CpuProfile[], root: string, toSource: PositionMapper = () => undefined): ProfileSummary {
  const functions = new Map<string, SelfTime>();
  const files = new Map<string, SelfTime>();
  let totalMs = 0;
  let idleMs = 0;
  for (const p of profiles) {
    const byId = new Map(p.nodes.map((n) => [n.id, n]));
    const samples = p.samples ?? [];
    const deltas = p.timeDeltas ?? [];
    for (let i = 0; i < samples.length; i++) {
      // A sample lasts until the next one is taken.
      const ms = (deltas[i + 1] ?? 0) / 1000;
      const node = byId.get(samples[i]!);
      if (!node) continue;
      const f = node.callFrame;
      // A thread waiting for work (the loader's worker, the main thread on I/O) is not CPU time.
      if (f.functionName === '(idle)') {
        idleMs += ms;
        continue;
      }
      totalMs += ms;
      const name = f.functionName || (f.url ? '(anonyme)' : '(natif)');
      const file = shortUrl(f.url, root);
      const sourceLine = f.url ? toSource(f.url, f.lineNumber, f.columnNumber ?? 0) : undefined;
      const where = !f.url ? '' : sourceLine !== undefined ? `${file}:${sourceLine + 1}` : `${file}:${f.lineNumber + 1}:${(f.columnNumber ?? 0) + 1}`;
      const key = `${name}\u0000${where}`;
      const fn = functions.get(key) ?? { name, where, ms: 0 };
      fn.ms += ms;
      functions.set(key, fn);
      const byFile = files.get(file) ?? { name: file, where: '', ms: 0 };
      byFile.ms += ms;
      files.set(file, byFile);
    }
  }
  const byTime = (a: SelfTime, b: SelfTime) => b.ms - a.ms || (a.name < b.name ? -1 : 1);
  return { totalMs, idleMs, functions: [...functions.values()].sort(byTime), files: [...files.values()].sort(byTime) };
}

export function formatSummary(s: ProfileSummary, top = 15): string[] {
  const pct = (ms: number) => (s.totalMs ? ((100 * ms) / s.totalMs).toFixed(1).padStart(5) : '  0.0');
  const line = (t: SelfTime) => `  ${t.ms.toFixed(0).padStart(7)} ms ${pct(t.ms)} %  ${t.name}${t.where ? `  (${t.where})` : ''}`;
  return [
    `profil : ${s.totalMs.toFixed(0)} ms de calcul échantillonnés (plus ${s.idleMs.toFixed(0)} ms d'attente, « (idle) », non comptés) ; temps propre des ${top} premières fonctions :`,
    ...s.functions.slice(0, top).map(line),
    `temps propre par fichier (8 premiers) :`,
    ...s.files.slice(0, 8).map(line),
  ];
}

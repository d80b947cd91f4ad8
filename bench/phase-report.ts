// The run's `--log json` events → time per phase and throughput, as plain
// French lines. Phases the pipeline does not have yet are shown as absent;
// without any phase event, only the wall time is known.

import type { LogEvent } from './child-run.ts';

/** Phases in pipeline order, with the name the benchmark prints. */
export const PHASES: [string, string][] = [
  ['lecture', 'lecture (ingestion)'],
  ['mesures', 'mesures'],
  ['tableau', 'tableau normalisé'],
  ['portraits', 'portraits'],
  ['graphiques', 'graphiques'],
  ['cartes', 'cartes'],
  ['classeurs', 'classeurs'],
  ['html', 'rapport HTML'],
];

export interface PhaseTiming {
  phase: string;
  ms: number;
  event: LogEvent;
}

export interface RunTimings {
  phases: PhaseTiming[];
  /** Time inside the process from start to publication, if reported. */
  inProcessMs: number | null;
  /** Lock, removal of the replaced version, comparison with the published table, manifest, rename: in-process time not covered by a phase. */
  publishMs: number | null;
  startupMs: number | null;
}

/** Phases that run alongside another and end with it (pipeline/phases/workbooks.ts): the pair lasts as long as the longer one. */
const ALONGSIDE: Record<string, string> = { classeurs: 'graphiques' };

export function timingsOf(events: LogEvent[], wallMs: number): RunTimings {
  const phases = events
    .filter((e) => e.event === 'phase' && typeof e.phase === 'string' && typeof e.duree_ms === 'number')
    .map((e) => ({ phase: e.phase as string, ms: e.duree_ms as number, event: e }));
  const pub = events.find((e) => e.event === 'publication' && typeof e.duree_ms === 'number');
  const inProcessMs = pub ? (pub.duree_ms as number) : null;
  const msOf = (phase: string) => phases.find((p) => p.phase === phase)?.ms;
  const sum = phases.reduce((s, p) => {
    const lead = ALONGSIDE[p.phase] === undefined ? undefined : msOf(ALONGSIDE[p.phase]!);
    return s + (lead === undefined ? p.ms : Math.max(0, p.ms - lead));
  }, 0);
  return {
    phases,
    inProcessMs,
    publishMs: inProcessMs === null ? null : Math.max(0, inProcessMs - sum),
    startupMs: inProcessMs === null ? null : Math.max(0, wallMs - inProcessMs),
  };
}

export function seconds(ms: number, decimals = 1): string {
  return `${(ms / 1000).toFixed(decimals).replace('.', ',')} s`;
}

/** 10 800 000 000 → « 10 800 Mpx », 1 550 000 → « 1,55 Mpx ». */
export function megapixels(pixels: number): string {
  const m = pixels / 1e6;
  return m >= 100 ? `${integer(m)} Mpx` : `${m.toFixed(2).replace('.', ',')} Mpx`;
}

export function integer(n: number): string {
  return Math.round(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
}

export function perSecond(count: number | undefined, ms: number | undefined): string {
  if (count === undefined || ms === undefined || count === 0) return 'n/a';
  if (ms <= 0) return `${integer(count)} en moins d'1 ms`;
  return `${integer((count * 1000) / ms)}/s`;
}

export function phaseLines(t: RunTimings, wallMs: number): string[] {
  if (t.phases.length === 0 && t.inProcessMs === null) return [`  aucun événement de phase : temps mur seul, ${seconds(wallMs)}`];
  const lines: string[] = [];
  const label = (p: string) => PHASES.find(([k]) => k === p)?.[1] ?? p;
  const width = 24;
  for (const p of t.phases) lines.push(`  ${(label(p.phase) + ' ').padEnd(width, '.')} ${seconds(p.ms, 2).padStart(9)}${detail(p.event)}`);
  const seen = new Set(t.phases.map((p) => p.phase));
  for (const [p] of PHASES) if (!seen.has(p)) lines.push(`  ${(label(p) + ' ').padEnd(width, '.')}   absente (pas d'événement de phase)`);
  if (t.publishMs !== null) lines.push(`  ${'hors phases '.padEnd(width, '.')} ${seconds(t.publishMs, 2).padStart(9)}  (verrou, suppression de la version remplacée, « Ce qui a changé », manifeste, publication)`);
  if (t.startupMs !== null) lines.push(`  ${'démarrage de Node '.padEnd(width, '.')} ${seconds(t.startupMs, 2).padStart(9)}  (mur − temps interne)`);
  return lines;
}

function detail(e: LogEvent): string {
  const parts: string[] = [];
  if (typeof e.valeurs === 'number') parts.push(`${integer(e.valeurs)} valeurs`);
  if (typeof e.lignes === 'number') parts.push(`${integer(e.lignes)} lignes`);
  if (typeof e.fichiers === 'number') parts.push(`${integer(e.fichiers)} fichiers`);
  return parts.length ? `  (${parts.join(', ')})` : '';
}

export function phaseMs(t: RunTimings, phase: string): number | undefined {
  const list = t.phases.filter((p) => p.phase === phase);
  return list.length ? list.reduce((s, p) => s + p.ms, 0) : undefined;
}

export function phaseCount(t: RunTimings, phase: string, key: string): number | undefined {
  const v = t.phases.find((p) => p.phase === phase)?.event[key];
  return typeof v === 'number' ? v : undefined;
}

export function targetLine(label: string, measured: string, target: string, met: boolean): string {
  return `objectif ${label} : ${measured} pour ${target} → ${met ? 'ATTEINT' : 'NON ATTEINT'}`;
}

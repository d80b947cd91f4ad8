// The data-quality report of `quartiers validate`: what each file was
// recognised as, what it gave, and the state of the figures (values,
// secrets, absences, bounds) by indicator and year. Pure: lines of French
// text from what collectSources returned.

import type { Bound, Figure, SchoolIps } from '../model/types.ts';
import { msg } from '../messages/index.ts';
import type { SourcesCollection } from './read-sources.ts';

export interface FigureCounts {
  valeur: number;
  secret: number;
  absent: number;
  bounds: Partial<Record<Bound, number>>;
}

/** Indicator → year → counts, in one pass over the figures. */
export function countFigures(figures: Figure[]): Map<string, Map<number, FigureCounts>> {
  const out = new Map<string, Map<number, FigureCounts>>();
  for (const f of figures) {
    let byYear = out.get(f.indicator);
    if (!byYear) out.set(f.indicator, (byYear = new Map()));
    let c = byYear.get(f.year);
    if (!c) byYear.set(f.year, (c = { valeur: 0, secret: 0, absent: 0, bounds: {} }));
    c[f.state]++;
    if (f.state === 'valeur' && f.bound !== '=') c.bounds[f.bound] = (c.bounds[f.bound] ?? 0) + 1;
  }
  return out;
}

function total(counts: Iterable<FigureCounts>): FigureCounts {
  const t: FigureCounts = { valeur: 0, secret: 0, absent: 0, bounds: {} };
  for (const c of counts) {
    t.valeur += c.valeur;
    t.secret += c.secret;
    t.absent += c.absent;
    for (const [b, n] of Object.entries(c.bounds) as [Bound, number][]) t.bounds[b] = (t.bounds[b] ?? 0) + n;
  }
  return t;
}

function schoolGroups(schools: SchoolIps[]): { level: SchoolIps['level']; year: number; count: number; masked: number }[] {
  const m = new Map<string, { level: SchoolIps['level']; year: number; count: number; masked: number }>();
  for (const s of schools) {
    const k = `${s.level}|${s.year}`;
    let g = m.get(k);
    if (!g) m.set(k, (g = { level: s.level, year: s.year, count: 0, masked: 0 }));
    g.count++;
    if (s.state !== 'valeur') g.masked++;
  }
  return [...m.values()].sort((a, b) => a.level.localeCompare(b.level) || a.year - b.year);
}

export function qualityReport(c: SourcesCollection, dir: string): string[] {
  const { sources, stats } = c;
  const lines: string[] = [msg.reportTitle(dir), '', msg.reportFilesTitle(sources.files.length)];
  for (const f of sources.files) {
    lines.push(msg.reportFile(f));
    for (const note of f.notes ?? []) lines.push(msg.reportFileNote(note));
  }
  if (c.sideFiles.length) lines.push('', msg.reportSideFilesTitle(c.sideFiles.length), ...c.sideFiles);
  if (c.ignored.length) lines.push('', msg.reportIgnoredTitle(c.ignored.length), ...c.ignored.map((i) => msg.reportIgnored(i.file, i.reason)));
  const counts = countFigures(sources.figures);
  lines.push('', msg.reportFiguresTitle(sources.figures.length));
  const labels = new Map(sources.catalogue.indicators.map((i) => [i.id, i.label]));
  const order = new Map(sources.catalogue.indicators.map((i, k) => [i.id, k]));
  const ids = [...counts.keys()].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9) || a.localeCompare(b));
  for (const id of ids) {
    const byYear = [...counts.get(id)!].sort((a, b) => a[0] - b[0]);
    lines.push(msg.reportIndicator(labels.get(id) ?? id, id, byYear.map(([year, n]) => ({ year, ...n }))));
  }
  lines.push('', msg.reportStates(total([...counts.values()].flatMap((m) => [...m.values()]))));
  const schools = schoolGroups(sources.schools);
  if (schools.length) lines.push(msg.reportSchools(schools));
  const quartiersWithFigures = new Set(sources.figures.filter((f) => f.level === 'quartier').map((f) => f.quartierCode ?? f.territory));
  lines.push(msg.reportQuartiers(quartiersWithFigures.size, stats.unknownQuartiers.codes, stats.unknownQuartiers.figures, stats.reconciled));
  lines.push(msg.reportConflicts(stats.duplicates, stats.conflicts, stats.overridden));
  if (sources.warnings.length) {
    lines.push('', msg.reportWarningsTitle(sources.warnings.length));
    for (const w of sources.warnings) lines.push(msg.reportWarning(w.message));
  }
  lines.push('', c.errors.length ? msg.reportInvalid(c.errors.length) : msg.validateSummary(sources.files.length, sources.figures.length, sources.warnings.length));
  return lines;
}

// journal.txt, published with the reports: everything the sources said
// during the run (the scope, every warning, every chart left out), in full,
// where the terminal shows at most a few examples of each kind. Only facts
// of the sources: no duration, no file reused, so that the same sources
// publish the same bytes.

import { journalText as t } from '../messages/journal.ts';

export interface JournalEntry {
  /** Kind of the entry (the warning's code, or the note's event). */
  code: string;
  message: string;
}

export interface JournalInput {
  year: number;
  /** The scope of the run (which quartiers are published), one line each. */
  scope: string[];
  /** Warnings, in the order the run met them (sources first, then the outputs). */
  warnings: JournalEntry[];
  /** Notes that repeat (charts left out). */
  notes: JournalEntry[];
}

export function journalText(input: JournalInput): string {
  const out: string[] = [t.title(input.year), ''];
  if (input.scope.length) out.push(t.scopeTitle, ...input.scope.map((l) => `  ${l}`), '');
  section(out, t.warningsTitle(input.warnings.length), input.warnings, t.noWarnings);
  section(out, t.notesTitle(input.notes.length), input.notes, t.noNotes);
  return out.join('\n').replace(/\n+$/, '\n');
}

/** Entries grouped by kind (first met first), each kind with its count. */
function section(out: string[], title: string, entries: JournalEntry[], none: string): void {
  out.push(title);
  if (!entries.length) out.push(`  ${none}`);
  const byCode = new Map<string, string[]>();
  for (const e of entries) {
    const list = byCode.get(e.code) ?? [];
    list.push(e.message);
    byCode.set(e.code, list);
  }
  for (const [code, messages] of byCode) {
    out.push(`  ${t.kind(code, messages.length)}`);
    for (const m of messages) out.push(`    - ${m}`);
  }
  out.push('');
}

// The portraits regenerated from the bundled sources, compared line by line
// with the figures of the convention of Marles-les-Mines.

import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderPortrait } from '../../lib/render/portrait/portrait.ts';
import { parseFrenchNumber, isInvalid } from '../../lib/text/french-number.ts';
import { normalizeName } from '../../lib/ingest/header-names.ts';
import { loadBundled, squash } from '../helpers/bundled.ts';

const convention = readFileSync(new URL('../fixtures/convention/convention-marles-les-mines.txt', import.meta.url), 'utf8');

/** The « Portrait statistique » lines of the n-th portrait of the convention, IPS line re-joined. */
function conventionPortrait(n: number): string[] {
  const blocks = convention.split(/^Portrait statistique\s*$/m).slice(1);
  const block = blocks[n]!.split(/^Les « irritants »/m)[0]!;
  const text = block.replace(/enfants du\s*\n\s*\n\s*quartier/g, 'enfants du quartier');
  return text.split('\n').map((l) => l.trim()).filter((l) => l.includes(':') && !l.startsWith('('));
}

interface Statement {
  label: string;
  value: ReturnType<typeof parseFrenchNumber>;
  extra: string;
  reference?: ReturnType<typeof parseFrenchNumber>;
}

/** « Taux de pauvreté : + de 30% (18,8% sur l'ensemble de l'agglomération). » → parts. */
function statement(line: string): Statement {
  const s = squash(line).replace(/\.$/, '');
  const [label, rest] = [s.slice(0, s.indexOf(':')).trim(), s.slice(s.indexOf(':') + 1).trim()];
  const m = /^(.*?)(?:\s*\((.*)\))?$/.exec(rest)!;
  let valueText = m[1]!.trim();
  const paren = m[2] ?? '';
  const unit = /\s*(habitants|hectares)$/.exec(valueText);
  if (unit) valueText = valueText.slice(0, unit.index);
  const refMatch = /^(.+?)\s+sur l'ensemble/.exec(paren);
  return {
    label: normalizeName(label),
    value: parseFrenchNumber(valueText),
    extra: refMatch ? '' : paren,
    reference: refMatch ? parseFrenchNumber(refMatch[1]!) : undefined,
  };
}

describe('portraits of the bundled sources against the convention', () => {
  let portraits: Record<string, string[]>;
  beforeAll(async () => {
    const { sources, rows } = await loadBundled();
    portraits = {};
    for (const q of sources.registry.quartiers) {
      const md = renderPortrait({ quartierCode: q.code, quartier: q, rows: rows.filter((r) => r.quartier_code === q.code), catalogue: sources.catalogue, notes: sources.notes, year: 2024 });
      const section = md.split('## Portrait statistique')[1]!.split(/\n##/)[0]!;
      portraits[q.code] = section.split('\n').filter((l) => l.includes(':') && !l.startsWith('('));
    }
  });

  for (const [n, code] of [[0, 'QN06205M'], [1, 'QIC-62555-01']] as const) {
    it(`${code}: same indicators, same order, same values and references`, () => {
      const expected = conventionPortrait(n).map(statement);
      const actual = portraits[code]!.map(statement);
      expect(actual.map((s) => s.label)).toEqual(expected.map((s) => s.label));
      actual.forEach((a, i) => {
        const e = expected[i]!;
        expect(isInvalid(a.value)).toBe(false);
        expect(a.value).toMatchObject({ value: (e.value as { value: number }).value, bound: (e.value as { bound: string }).bound });
        expect(a.extra.replace(/\s/g, '')).toBe(e.extra.replace(/\s/g, ''));
        if (e.reference) expect(a.reference).toMatchObject({ value: (e.reference as { value: number }).value, bound: '=' });
        else expect(a.reference).toBeUndefined();
      });
    });
  }

  it('writes French typography: no-break spaces before « : » and « % », narrow ones in thousands', () => {
    const qpv = portraits.QN06205M!.join('\n');
    expect(qpv).toContain('Population\u00a0: environ 2\u202f700\u00a0habitants (+500 par rapport à 2015).');
    expect(qpv).toContain('Taux de pauvreté\u00a0: 40,2\u00a0% (18,8\u00a0% sur l\'ensemble de l\'agglomération).');
    const qic = portraits['QIC-62555-01']!.join('\n');
    expect(qic).toContain('Taux de pauvreté\u00a0: plus de 30\u00a0% (18,8\u00a0% sur l\'ensemble de l\'agglomération).');
    expect(qic).toContain('Population\u00a0: environ 990\u00a0habitants.');
  });
});

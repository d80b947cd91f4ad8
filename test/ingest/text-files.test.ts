// A `.txt` in sources/ is read as a table only when it is one (INSEE ships
// tab-separated text); notes are listed as ignored, never refused with a
// parser's message. A stray quote is located and explained in French.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectSources, looksLikeTable } from '../../lib/ingest/read-sources.ts';
import { parseCsvTable } from '../../lib/ingest/csv-table.ts';
import { DataError } from '../../lib/errors.ts';
import { msg } from '../../lib/messages/index.ts';
import { REPO } from '../helpers/bundled.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const convention = readFileSync(`${REPO}test/fixtures/convention/convention-marles-les-mines.txt`);

describe('text files', () => {
  it('tells a table from notes', () => {
    expect(looksLikeTable(convention)).toBe(false);
    expect(looksLikeTable(bytes('Notes de la réunion, 12 mars.\nÀ revoir : la population, les écoles, et le parc social.\n'))).toBe(false);
    expect(looksLikeTable(bytes('code\tannee\ttaux_pauvrete\nQP062005\t2019\t40,2\nQP062005\t2020\t41,0\n'))).toBe(true);
    // Five title lines above a semicolon table, as SIG Ville writes them.
    const sigville = ['Titre', 'Sous-titre', 'Source : SIG Ville', '', 'Champ', 'code;nom;taux', 'QP1;A;1', 'QP2;B;2', 'QP3;C;3'].join('\n');
    expect(looksLikeTable(bytes(sigville))).toBe(true);
  });

  it('lists notes.txt as ignored and reads a tab-separated .txt', () => {
    const c = collectSources([{ path: 'notes.txt', bytes: convention }]);
    expect(c.ignored).toEqual([{ file: 'notes.txt', reason: msg.ignoredTextNotTable() }]);
    expect(c.errors.map((e) => e.message)).not.toContainEqual(expect.stringContaining('notes.txt'));
  });

  it('explains a quote in the middle of a field, with its line and column', () => {
    let error: unknown;
    try {
      parseCsvTable('code;nom\nQP1;la cité "Gambetta" nord\n', 'quartiers.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe(msg.quoteInsideField('quartiers.csv', 2, 2));
    expect((error as DataError).message).not.toMatch(/Invalid|quote is found/);
  });
});

// Two quartiers never share an output file: one case per rule the safe file
// name folds, and a whole run refused with both source lines named.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFileNameClashes, fileNameKey } from '../../lib/report/file-name-clashes.ts';
import { DataErrors } from '../../lib/errors.ts';
import { msg } from '../../lib/messages/index.ts';
import { safeFileName } from '../../lib/text/safe-file-name.ts';
import { runCli } from '../helpers/cli.ts';
import { copySources, tempRoot } from '../pipeline/fixture-runs.ts';

function clash(a: string, b: string): DataErrors | null {
  try {
    checkFileNameClashes([{ code: a, file: 'referentiel/quartiers.csv', line: 2 }, { code: b, file: 'referentiel/quartiers.csv', line: 3 }]);
    return null;
  } catch (e) {
    return e as DataErrors;
  }
}

describe('codes that would share a file name', () => {
  const long = 'QIC-' + 'x'.repeat(90);
  for (const [rule, a, b] of [
    ['a slash and a colon', 'QIC/62555', 'QIC:62555'],
    ['a separator and an underscore', 'QIC\\62555', 'QIC_62555'],
    ['case', 'QIC-62555-01', 'qic-62555-01'],
    ['runs of spaces', 'QIC 62555', 'QIC   62555'],
    ['trailing spaces and dots', 'QIC-62555', 'QIC-62555.'],
    ['composed and decomposed accents', 'QIC-Béthune', 'QIC-Be\u0301thune'],
    ['the cut at 80 characters', long + 'A', long + 'B'],
  ] as const) {
    it(`${rule}: one error naming both source lines`, () => {
      expect(fileNameKey(a)).toBe(fileNameKey(b));
      const e = clash(a, b);
      expect(e).toBeInstanceOf(DataErrors);
      expect(e!.errors).toHaveLength(1);
      expect(e!.errors[0]!.message).toBe(msg.fileNameClash({ code: a, file: 'referentiel/quartiers.csv', line: 2 }, { code: b, file: 'referentiel/quartiers.csv', line: 3 }, safeFileName(b)));
      expect(e!.errors[0]!.place).toEqual({ file: 'referentiel/quartiers.csv', line: 3 });
    });
  }

  it('distinct codes pass', () => {
    expect(clash('QN06205M', 'QN06205N')).toBeNull();
    expect(clash('QIC-62555-01', 'QIC-62555-1')).toBeNull();
  });

  it('a run with two registry codes that differ only by case is refused with exit 1, nothing published', async () => {
    const root = tempRoot();
    const sources = copySources(root, 'sources');
    const registry = path.join(sources, 'referentiel/quartiers.csv');
    const lines = readFileSync(registry, 'utf8').trimEnd().split('\n');
    const qic = lines[2]!;
    writeFileSync(registry, [...lines, qic.replace('QIC-62555-01', 'qic-62555-01').replace('Gambetta', 'Gambetta bis')].join('\n') + '\n');
    const prefecture = path.join(sources, 'prefecture/prefecture_pas-de-calais_qic_2024.csv');
    writeFileSync(path.join(sources, 'prefecture/bis_2024.csv'), readFileSync(prefecture, 'latin1').replaceAll('Gambetta', 'Gambetta bis'), 'latin1');
    const out = path.join(root, 'reports');
    const r = await runCli(['run', '--sources', sources, '--out', out, '--formats', 'csv,md'], { timeoutMs: 60_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(r.stderr).toContain(msg.fileNameClash({ code: 'QIC-62555-01', file: 'referentiel/quartiers.csv', line: 3 }, { code: 'qic-62555-01', file: 'referentiel/quartiers.csv', line: 4 }, 'qic-62555-01'));
    expect(existsSync(out)).toBe(false);
  });
});

describe('agglomeration codes that would share a folder of charts', () => {
  it('two EPCI codes differing by case are refused naming both registry lines; the same code twice is one agglomeration', () => {
    const a = { code: '2000724AB', file: 'referentiel/quartiers.csv', line: 2 };
    const same = { code: '2000724AB', file: 'referentiel/quartiers.csv', line: 3 };
    const b = { code: '2000724ab', file: 'referentiel/quartiers.csv', line: 4 };
    expect(() => checkFileNameClashes([a, same], 'epci')).not.toThrow();
    try {
      checkFileNameClashes([a, same, b], 'epci');
      expect.unreachable();
    } catch (e) {
      expect((e as DataErrors).errors.map((x) => x.message)).toEqual([msg.epciFileNameClash(a, b, '2000724ab')]);
    }
  });
});

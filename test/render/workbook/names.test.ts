import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fileSlug, workbookFileName } from '../../../lib/render/workbook/file-name.ts';
import { cleanSheetName, quartierSheetName, sheetNameAllocator } from '../../../lib/render/workbook/sheet-name.ts';
import { HOSTILE_NAME } from './fixtures.ts';

describe('workbook file names', () => {
  it('transliterates accents and joins words with hyphens', () => {
    expect(fileSlug('Marles-les-Mines')).toBe('marles-les-mines');
    expect(fileSlug('Béthune-Bruay, Artois–Lys Romane')).toBe('bethune-bruay-artois-lys-romane');
    expect(fileSlug('Saint-Étienne-du-Rouvray')).toBe('saint-etienne-du-rouvray');
    expect(fileSlug('Cœur de ville')).toBe('coeur-de-ville');
  });

  it('never leaves the folder, never starts with a dot, stays short and unique', () => {
    const taken = new Set<string>();
    const a = workbookFileName('convention', '../../etc/passwd', taken);
    const b = workbookFileName('convention', '..\\..\\etc\\passwd', taken);
    expect(a).toBe('convention-etc-passwd.xlsx');
    expect(b).toBe('convention-etc-passwd-2.xlsx');
    expect(workbookFileName('', '.bashrc', taken)).toBe('bashrc.xlsx');
    expect(workbookFileName('', '***', taken)).toBe('classeur.xlsx');
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (name) => {
        const f = workbookFileName('agglomeration', name, new Set());
        expect(f).toMatch(/^[a-z0-9][a-z0-9-]*\.xlsx$/);
        expect(f.length).toBeLessThanOrEqual(85);
      }),
    );
  });
});

describe('sheet names', () => {
  it('removes the characters Excel refuses and cuts at 31', () => {
    const name = sheetNameAllocator()(HOSTILE_NAME);
    expect(HOSTILE_NAME.length).toBe(40);
    expect(name.length).toBeLessThanOrEqual(31);
    expect(name).not.toMatch(/[[\]:*?/\\]/);
    expect(name).not.toMatch(/^'|'$/);
    expect(name.startsWith('Les "Tours" Bât A Nord x')).toBe(true);
  });

  it('keeps names unique without regard to case, and refuses « History »', () => {
    const next = sheetNameAllocator();
    expect(next('Synthèse')).toBe('Synthèse');
    expect(next('SYNTHÈSE')).toBe('SYNTHÈSE (2)');
    expect(next('history')).toBe('history (2)');
    const long = 'Cités 5, de Marles et du Rond-Point';
    const first = next(long);
    const second = next(long);
    expect(first).toBe('Cités 5, de Marles et du Rond-P');
    expect(second).toBe('Cités 5, de Marles et du Ro (2)');
  });

  it('holds for any names', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 60 }), { maxLength: 30 }), (names) => {
        const next = sheetNameAllocator();
        const out = names.map(next);
        for (const n of out) {
          expect(n.length).toBeGreaterThan(0);
          expect(n.length).toBeLessThanOrEqual(31);
          expect(n).not.toMatch(/[[\]:*?/\\\u0000-\u001f]/);
          expect(n).not.toMatch(/^'|'$/);
        }
        expect(new Set(out.map((n) => n.toLowerCase())).size).toBe(out.length);
      }),
    );
    expect(cleanSheetName('   ')).toBe('Feuille');
  });
});

describe('quartier sheet names', () => {
  it('keeps the code and the name up to a clause, never cutting a word', () => {
    expect(quartierSheetName('QN06205M', 'Cités 5, de Marles et du Rond-Point')).toBe('QN06205M Cités 5');
    expect(quartierSheetName('QIC-62555-01', 'Cité de Marles – Gambetta')).toBe('QIC-62555-01 Cité de Marles');
    expect(quartierSheetName('QN06205M', 'Centre')).toBe('QN06205M Centre');
    // No clause short enough: the last whole words that fit, without a dangling « de ».
    expect(quartierSheetName('QN05901M', 'Faubourg de Béthune Moulins Lille Sud')).toBe('QN05901M Faubourg de Béthune');
  });

  it('gives at most 31 characters, whole words of the name, for any name', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[A-Za-zéè]{1,12}$/), { minLength: 1, maxLength: 8 }), (words) => {
        const name = words.join(' ');
        const sheet = quartierSheetName('QN12345M', name);
        expect(sheet.length).toBeLessThanOrEqual(31);
        expect(sheet.startsWith('QN12345M')).toBe(true);
        const kept = sheet.slice('QN12345M'.length).trim().split(' ').filter(Boolean);
        expect(words.slice(0, kept.length)).toEqual(kept);
      }),
    );
  });
});

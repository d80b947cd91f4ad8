import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatFrenchNumber, parseFrenchNumber, isInvalid } from '../../lib/text/french-number.ts';

const value = (s: string) => {
  const p = parseFrenchNumber(s);
  if (isInvalid(p)) throw new Error(`invalid: ${s}`);
  return p;
};

describe('parseFrenchNumber', () => {
  it.each([
    ['40,2', 40.2, '=', 1],
    ['40.2', 40.2, '=', 1],
    ['2 700', 2700, '=', 0],
    ['2\u00a0700', 2700, '=', 0],
    ['2\u202f700', 2700, '=', 0],
    ['12%', 12, '=', 0],
    ['12 %', 12, '=', 0],
    ['+ de 30%', 30, '>', 0],
    ['plus de 30 %', 30, '>', 0],
    ['> 30', 30, '>', 0],
    ['>= 30', 30, '>=', 0],
    ['≥30', 30, '>=', 0],
    ['moins de 5 %', 5, '<', 0],
    ['< 5', 5, '<', 0],
    ['environ 990', 990, '~', 0],
    ['≈ 990', 990, '~', 0],
    ['environ 2 700', 2700, '~', 0],
    ['-3,5', -3.5, '=', 1],
    ['1 234 567,25', 1234567.25, '=', 2],
    ['1.234,5', 1234.5, '=', 1],
    ['1,234.5', 1234.5, '=', 1],
    ['13748.0', 13748, '=', 0],
    ['0.194', 0.194, '=', 3],
    [' 40,2 ', 40.2, '=', 1],
    ['12,5 %', 12.5, '=', 1],
    ['\u22123,5', -3.5, '=', 1],
    ['2021', 2021, '=', 0],
    ['-0', 0, '=', 0],
    ['1e3', 1000, '=', 0],
    ['au plus 5', 5, '<=', 0],
    ['~990', 990, '~', 0],
  ])('reads %j', (text, v, bound, decimals) => {
    const p = value(text);
    expect(p.state).toBe('valeur');
    expect(p.value).toBeCloseTo(v, 10);
    expect(p.bound).toBe(bound);
    expect(p.decimals).toBe(decimals);
    expect(p.text).toBe(text);
  });

  it.each([
    ['s', 'secret'],
    ['NS', 'secret'],
    ['ns', 'secret'],
    ['c', 'secret'],
    ['nd', 'absent'],
    ['so', 'absent'],
    ['-', 'absent'],
    ['', 'absent'],
  ])('keeps the marker %j as %s, not as zero', (text, state) => {
    const p = value(text);
    expect(p.state).toBe(state);
    expect(p.value).toBeNull();
  });

  it('reads plain numbers the same through the fast path and the full parser (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }), fc.constantFrom('.', ','), (n, d, mark) => {
        const plain = (n / 10 ** d).toFixed(d).replace('.', mark);
        const padded = ` ${plain}`; // a leading space skips the fast path
        const a = value(plain);
        const b = value(padded);
        expect([a.value, a.decimals, a.bound, a.state]).toEqual([b.value, b.decimals, b.bound, b.state]);
      }),
    );
  });

  it('lets a file say that an empty cell is a secret', () => {
    expect(value('').state).toBe('absent');
    const p = parseFrenchNumber('', { empty: 'secret' });
    expect(p.state).toBe('secret');
  });

  it.each(['4O,2', 'quarante', '12,3,4', '1 2,5x', '30 %%', '--5', ',5x', '4,0,2', '1.2.3,4,5', 'environ', '+ de'])('refuses %j', (text) => {
    expect(isInvalid(parseFrenchNumber(text))).toBe(true);
  });

  it('reads back what it formats (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        const x = n / 10 ** d;
        const text = formatFrenchNumber(x, d).replace('\u2212', '-');
        const p = value(text);
        expect(p.value).toBeCloseTo(Number(x.toFixed(d)), 8);
      }),
    );
  });
});

describe('formatFrenchNumber', () => {
  it('groups thousands with a narrow no-break space and uses a decimal comma', () => {
    expect(formatFrenchNumber(2700)).toBe('2\u202f700');
    expect(formatFrenchNumber(40.2, 1)).toBe('40,2');
    expect(formatFrenchNumber(1234567.891, 2)).toBe('1\u202f234\u202f567,89');
    expect(formatFrenchNumber(104)).toBe('104');
  });
  it('writes signs as a French typographer would', () => {
    expect(formatFrenchNumber(500, 0, { sign: true })).toBe('+500');
    expect(formatFrenchNumber(-4.2, 1)).toBe('\u22124,2');
    expect(formatFrenchNumber(-0.01, 1)).toBe('0,0');
  });
});

describe('numbers that only look like numbers', () => {
  it.each(['-1e-400', '1e-400', '0,' + '0'.repeat(400) + '1'])('%s (too small, would be read as 0) is refused', (text) => {
    expect(isInvalid(parseFrenchNumber(text))).toBe(true);
  });
  it.each(['4 0', '27 00', '1 2345', '2  700', '12 34,5', '- 4 0'])('« %s » (a space inside digits that is not a thousands group) is refused', (text) => {
    expect(isInvalid(parseFrenchNumber(text))).toBe(true);
  });
  it.each([['2 700', 2700], ['12 345,6', 12345.6], ['1 234 567', 1234567], ['- 5', -5], ['0e-500', 0], ['environ 2\u202f700', 2700]])('« %s » is still %d', (text, v) => {
    expect(value(text).value).toBe(v);
  });
});

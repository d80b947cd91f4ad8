import { describe, expect, it } from 'vitest';
import { quoteCell } from '../../lib/messages/quote.ts';
import { msg } from '../../lib/messages/index.ts';

describe('quoting source text in messages', () => {
  it('keeps short text, cuts long text near 80 characters and says how long it was, on one line', () => {
    expect(quoteCell('40,2')).toBe('40,2');
    const long = 'x'.repeat(5_000_000);
    const q = quoteCell(long);
    expect(q.length).toBeLessThan(110);
    expect(q).toContain('5 000 000 caractères');
    expect(quoteCell('a\nb\r\nc')).toBe('a b c');
    expect([...quoteCell('é'.repeat(200))].length).toBeLessThan(110);
  });
  it('a 5 MB cell is never echoed whole by a message', () => {
    const cell = '4'.repeat(5_000_000) + 'O';
    expect(msg.notANumber('f.csv', 2, 'tp60', cell).length).toBeLessThan(400);
    expect(msg.notANumber('f.csv', 2, 'c'.repeat(10_000), '1').length).toBeLessThan(400);
  });
});

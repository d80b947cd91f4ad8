// Source texts in the Markdown portraits read as the same plain text.

import { describe, expect, it } from 'vitest';
import { markdownText } from '../../lib/text/markdown-text.ts';
import { renderPortrait } from '../../lib/render/portrait/portrait.ts';
import { buildReportModel } from '../../lib/report/model.ts';
import { loadBundled } from '../helpers/bundled.ts';

/** What CommonMark shows of an escaped line: a backslash before ASCII punctuation shows the character itself. */
const shown = (escaped: string) => escaped.replace(/\\([!-/:-@[-`{-~])/g, '$1');
/** Characters that act in Markdown or HTML and are left unescaped. */
const active = (escaped: string) => escaped.replace(/\\[!-/:-@[-`{-~]/g, '').match(/[<>[\]*_`|~&!#]/g) ?? [];
/** Whether the line starts a block (heading, list, quote, ordered list). */
const startsBlock = (escaped: string) => /^\s*(?:#|[-+*>=]\s|\d+[.)])/.test(escaped);

describe('markdownText', () => {
  it.each([
    ['# Titre', 'a heading'],
    ['## Sous-titre', 'a heading'],
    ['- item', 'a list'],
    ['+ item', 'a list'],
    ['1. item', 'an ordered list'],
    ['> citation', 'a quote'],
    ['**gras** et _italique_', 'emphasis'],
    ['<script>alert(1)</script>', 'an HTML tag'],
    ['<img src=x onerror=alert(1)>', 'an HTML tag'],
    ['[clic](javascript:alert(1))', 'a link'],
    ['![image](http://x/y.png)', 'an image'],
    ['<http://exemple.invalid>', 'an autolink'],
    ['a | b | c', 'a table cell'],
    ['&lt;b&gt;', 'an entity'],
    ['`code`', 'code'],
    ['~~barré~~', 'strike-through'],
  ])('« %s » is not %s', (text) => {
    const escaped = markdownText(text);
    expect(active(escaped)).toEqual([]);
    expect(startsBlock(escaped)).toBe(false);
    expect(shown(escaped)).toBe(text);
  });

  it('line breaks inside a name become spaces: one line, no new block', () => {
    expect(markdownText('Les Tours\n# pas un titre\r\n- ni une liste')).not.toContain('\n');
    expect(shown(markdownText('Les Tours\n# pas un titre'))).toBe('Les Tours # pas un titre');
  });

  it('javascript: never reaches a renderer as a scheme', () => {
    expect(markdownText('javascript:alert(1)')).not.toMatch(/javascript:/i);
    expect(markdownText('JavaScript :alert(1)')).not.toMatch(/javascript\s*:/i);
  });

  it('a hostile quartier name, note and label in a whole portrait: one heading, no tag, no link', async () => {
    const { sources, rows } = await loadBundled();
    const model = buildReportModel({ sources, rows, year: 2024, generatedAt: 'x', toolVersion: 't' });
    const q = model.quartiers[0]!;
    const name = 'Cité <b>des</b> [Tours](javascript:alert(1))\n# Faux titre';
    const catalogue = { indicators: model.catalogue.indicators.map((i) => ({ ...i, portraitLabel: `**${i.portraitLabel}**` })) };
    const notes = [{ quartier: q.code, section: 'irritant' as const, order: 1, text: '<script>alert(1)</script>\n- faux point' }];
    const text = renderPortrait({ quartierCode: q.code, quartier: { ...q.quartier!, name }, rows: q.rows, catalogue, notes, year: model.year });
    const lines = text.split('\n');
    expect(lines.filter((l) => /^#\s/.test(l))).toHaveLength(1);
    expect(lines[0]).toBe(`# ${markdownText(name)}`);
    // Every line written from the sources: nothing active left, no block of its own.
    for (const l of lines.filter((x) => /Tours|alert|\*\*/.test(x))) {
      const body = l.replace(/^(?:# |- )/, '');
      expect(active(body), l).toEqual([]);
      expect(startsBlock(body), l).toBe(false);
      expect(body, l).not.toMatch(/javascript:/i);
    }
    expect(lines.some((l) => l === `- ${markdownText('<script>alert(1)</script>\n- faux point')}`)).toBe(true);
  });
});

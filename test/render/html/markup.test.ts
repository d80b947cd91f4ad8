// Escaping by default: text from the sources never becomes markup, in
// content, in attributes, or inside the inlined JSON of a chart.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeHtml, hrefOf, html, jsonForScript, raw } from '../../../lib/render/html/markup.ts';

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

describe('html template', () => {
  it('escapes interpolated text in content and in attributes', () => {
    const name = `<script>alert(1)</script>`;
    const out = html`<p title="${`a" onmouseover="alert(2)`}">${name}</p>`.text;
    expect(out).toBe('<p title="a&quot; onmouseover=&quot;alert(2)">&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('keeps markup built by html or raw, flattens arrays and drops empty values', () => {
    const items = ['a<b', 'c&d'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}${null}${undefined}${false}${0}</ul>`.text).toBe('<ul><li>a&lt;b</li><li>c&amp;d</li>0</ul>');
    expect(html`${raw('<br>')}`.text).toBe('<br>');
  });

  it('escapes every special character, and the escape is reversible, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const e = escapeHtml(s);
        expect(e).not.toMatch(/[<>"']/);
        expect(unescape(e)).toBe(s);
        expect(html`<a title="${s}">${s}</a>`.text).toBe(`<a title="${e}">${e}</a>`);
      }),
    );
  });
});

describe('jsonForScript', () => {
  it('cannot close the script element nor open a comment, and parses back to the same value', () => {
    const value = { title: '</script><script>alert(1)</script>', note: '<!-- x -->', sep: '\u2028\u2029', amp: 'a & b' };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/<|>|&|\u2028|\u2029/);
    expect(JSON.parse(text)).toEqual(value);
  });

  it('round-trips any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const text = jsonForScript(v);
        expect(text).not.toMatch(/[<>&]/);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });
});

describe('hrefOf', () => {
  it('percent-encodes each segment of a path and keeps the prefix', () => {
    expect(hrefOf('../', 'graphiques/QP #1%/a b.svg')).toBe('../graphiques/QP%20%231%25/a%20b.svg');
    expect(hrefOf('', 'index.html')).toBe('index.html');
  });
});

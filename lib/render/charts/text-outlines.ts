// Vega's SVG text → glyph outlines from the shipped font, for rasterising.
// resvg loads and parses the font files on every render (most of a PNG's
// cost); drawing glyphs as <use> of cached outlines skips that entirely and
// places each glyph with the same advance widths Vega measured the text with.
// Only the SVG handed to resvg is rewritten: the published SVG keeps its text.

import type opentype from 'opentype.js';

type Font = ReturnType<typeof opentype.parse>;

export interface OutlineFonts {
  regular: Font;
  bold: Font;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#x27;': "'", '&#39;': "'", '&apos;': "'" };

function decode(s: string): string {
  return s.replace(/&(?:amp|lt|gt|quot|apos|#x27|#39);/g, (e) => ENTITIES[e]!).replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16))).replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}

function attr(attrs: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(attrs);
  return m ? m[1] : undefined;
}

export function createTextOutliner(fonts: OutlineFonts): (svg: string) => string {
  const glyphIds = new Map<string, { id: string; d: string; advance: number }>();
  const glyph = (bold: boolean, ch: string) => {
    const key = (bold ? 'B' : 'R') + ch;
    let g = glyphIds.get(key);
    if (!g) {
      const font = bold ? fonts.bold : fonts.regular;
      const gl = font.charToGlyph(ch);
      const d = gl.getPath(0, 0, font.unitsPerEm).toPathData(1);
      g = { id: `${bold ? 'b' : 'r'}${ch.codePointAt(0)!.toString(16)}`, d, advance: gl.advanceWidth ?? font.unitsPerEm * 0.6 };
      glyphIds.set(key, g);
    }
    return g;
  };

  return (svg) => {
    const used = new Map<string, string>();
    const body = svg.replace(/<text([^>]*)>([\s\S]*?)<\/text>/g, (_m, attrs: string, content: string) => {
      const size = parseFloat(attr(attrs, 'font-size') ?? '11');
      const weight = attr(attrs, 'font-weight');
      const bold = weight === 'bold' || (weight !== undefined && Number(weight) >= 600);
      const italic = attr(attrs, 'font-style') === 'italic';
      const anchor = attr(attrs, 'text-anchor') ?? 'start';
      const font = bold ? fonts.bold : fonts.regular;
      const scale = size / font.unitsPerEm;
      const lines: { text: string; x: number; y: number }[] = [];
      if (content.includes('<tspan')) {
        let y = 0;
        for (const t of content.matchAll(/<tspan([^>]*)>([\s\S]*?)<\/tspan>/g)) {
          y += parseFloat(attr(t[1]!, 'dy') ?? '0');
          lines.push({ text: decode(t[2]!), x: parseFloat(attr(t[1]!, 'x') ?? '0'), y });
        }
      } else {
        lines.push({ text: decode(content), x: 0, y: 0 });
      }
      const x0 = parseFloat(attr(attrs, 'x') ?? '0') + parseFloat(attr(attrs, 'dx') ?? '0');
      const y0 = parseFloat(attr(attrs, 'y') ?? '0') + parseFloat(attr(attrs, 'dy') ?? '0');
      const uses: string[] = [];
      for (const line of lines) {
        const chars = [...line.text];
        const width = chars.reduce((w, ch) => w + glyph(bold, ch).advance, 0) * scale;
        let x = x0 + line.x - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
        const y = y0 + line.y;
        for (const ch of chars) {
          const g = glyph(bold, ch);
          if (g.d) {
            used.set(g.id, g.d);
            uses.push(`<use href="#${g.id}" transform="translate(${round(x)},${round(y)})${italic ? ' skewX(-12)' : ''} scale(${round(scale, 5)})"/>`);
          }
          x += g.advance * scale;
        }
      }
      const keep = ['transform', 'fill', 'opacity', 'fill-opacity'].map((n) => [n, attr(attrs, n)] as const).filter(([, v]) => v !== undefined);
      return `<g${keep.map(([n, v]) => ` ${n}="${v}"`).join('')}>${uses.join('')}</g>`;
    });
    if (used.size === 0) return body;
    const defs = `<defs>${[...used].map(([id, d]) => `<path id="${id}" d="${d}"/>`).join('')}</defs>`;
    return body.replace(/(<svg[^>]*>)/, `$1${defs}`);
  };
}

function round(n: number, digits = 2): string {
  return String(Number(n.toFixed(digits)));
}

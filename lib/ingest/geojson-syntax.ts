// Where a JSON text stops being JSON. JSON.parse on Node 20 does not always
// give the position (« Unexpected token 'N', … is not valid JSON »), so on
// failure this small scanner walks the text again and returns the line and
// column of the first offending character, with a French description.

export interface JsonSyntaxProblem {
  line: number;
  column: number;
  detail: string;
}

class Stop {
  constructor(readonly offset: number, readonly detail: string) {}
}

/** Deeper than this, a JSON text is refused: GeoJSON needs about ten levels, and parsers recurse once per level. */
export const MAX_JSON_DEPTH = 100;

/**
 * Where a JSON text nests deeper than `max`, if it does. Iterative (a text of
 * a million « [ » must not exhaust the stack), strings skipped.
 */
export function locateTooDeep(text: string, max = MAX_JSON_DEPTH): JsonSyntaxProblem | null {
  let depth = 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: up to its closing quote, escapes skipped.
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return { line, column: i - lineStart + 1, detail: `plus de ${max} niveaux de listes ou d’objets imbriqués` };
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return null;
}

export function locateJsonError(text: string): JsonSyntaxProblem | null {
  const deep = locateTooDeep(text);
  if (deep) return deep;
  let i = 0;
  const n = text.length;
  const ws = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const found = () => (i >= n ? 'la fin du fichier' : `« ${text.slice(i, i + 12).split(/[\s,\]}]/)[0] || text[i]} »`);
  const fail = (expected: string): never => {
    throw new Stop(i, `${expected} attendu, lu ${found()}`);
  };
  const literal = (word: string) => {
    if (text.startsWith(word, i)) i += word.length;
    else fail('une valeur');
  };
  const string = () => {
    i++; // opening quote
    while (i < n && text[i] !== '"') {
      if (text[i] === '\\') i++;
      else if (text.charCodeAt(i) < 0x20) throw new Stop(i, 'caractère de contrôle dans une chaîne');
      i++;
    }
    if (i >= n) throw new Stop(i, 'chaîne jamais refermée');
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 64));
    if (!m) fail('une valeur');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('un nom de propriété entre guillemets');
        string();
        ws();
        if (text[i] !== ':') fail('« : »');
        i++;
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') return void i++;
        fail('« , » ou « } »');
      }
    }
    if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') return void i++;
        fail('« , » ou « ] »');
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    if (c === 'N' && text.startsWith('NaN', i)) throw new Stop(i, '« NaN » n’est pas un nombre JSON');
    if (c === 'I' || (c === '-' && text[i + 1] === 'I')) throw new Stop(i, '« Infinity » n’est pas un nombre JSON');
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return number();
    fail('une valeur');
  };
  try {
    if (text.charCodeAt(0) === 0xfeff) i = 1;
    value();
    ws();
    if (i < n) fail('la fin du fichier');
    return null;
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < e.offset && k < n; k++) {
      if (text[k] === '\n') {
        line++;
        lineStart = k + 1;
      }
    }
    return { line, column: e.offset - lineStart + 1, detail: e.detail };
  }
}

// How a message quotes text from the sources: at most about 80 characters,
// on one line, so that a 5 MB cell is never echoed whole.

const MAX = 80;

export function quoteCell(value: string | number, max = MAX): string {
  const oneLine = String(value).replace(/[\r\n\t]+/g, ' ');
  const chars = [...oneLine];
  if (chars.length <= max) return oneLine;
  return `${chars.slice(0, max - 1).join('')}… (${chars.length.toLocaleString('fr-FR').replace(/\u202f|\u00a0/g, ' ')} caractères)`;
}

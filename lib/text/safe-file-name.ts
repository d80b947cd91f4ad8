// A code from the sources as a file or folder name.

/** No separators, no control characters, no dots at the start, at most 80 characters. */
export function safeFileName(code: string): string {
  const s = code.normalize('NFC').replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_').slice(0, 80);
  return s || '_';
}

// Re-packs an .xlsx so that the same content gives the same bytes: every
// entry gets the same date and the entries a fixed order
// ([Content_Types].xml first, as Office writes it, then by name).

import JSZip from 'jszip';

export async function stableZip(bytes: Uint8Array, date: Date): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir);
  const rank = (n: string) => (n === '[Content_Types].xml' ? 0 : n === '_rels/.rels' ? 1 : 2);
  names.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const out = new JSZip();
  for (const n of names) out.file(n, await source.files[n]!.async('uint8array'), { date, createFolders: false });
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}

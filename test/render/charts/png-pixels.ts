// Pixel checks for chart PNGs, on the shared test PNG reader.

import { decodePng } from '../../helpers/png.ts';

export { decodePng };

/** Share of pixels that are not (near) white. */
export function inkShare(png: Uint8Array): number {
  const { pixels, channels } = decodePng(png);
  let ink = 0;
  const n = pixels.length / channels;
  for (let i = 0; i < pixels.length; i += channels) if (pixels[i]! < 235 || pixels[i + 1]! < 235 || pixels[i + 2]! < 235) ink++;
  return ink / n;
}

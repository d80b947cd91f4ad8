// Labels that do not collide: candidates in priority order, each tried to
// the right, left, above and below its point; the first position whose box
// stays inside the frame and meets no accepted label (nor a reserved box,
// e.g. the title's area) wins, otherwise the label is left out. Deterministic:
// same candidates, same labels.

export interface LabelCandidate {
  text: string;
  /** Anchor in pixels. */
  x: number;
  y: number;
}

export interface PlacedLabel {
  text: string;
  /** Left end of the text's baseline-middle, in pixels (text drawn with align left, baseline middle). */
  x: number;
  y: number;
}

type Box = [number, number, number, number];

export function placeLabels(
  candidates: LabelCandidate[],
  options: {
    width: number; height: number; fontSize: number; textWidth: (text: string, size: number) => number; gap?: number; avoid?: Box[];
    /** Multiples of the gap tried in turn when the closest positions are taken (a commune's name may sit away from its centre). */
    reach?: number[];
  },
): PlacedLabel[] {
  const { width, height, fontSize } = options;
  const gap = options.gap ?? 5;
  const taken: Box[] = [...(options.avoid ?? [])];
  const placed: PlacedLabel[] = [];
  const h = fontSize * 1.2;
  for (const c of candidates) {
    const w = options.textWidth(c.text, fontSize);
    const tries: [number, number][] = (options.reach ?? [1]).flatMap((k) => [
      [c.x + k * gap, c.y],
      [c.x - k * gap - w, c.y],
      [c.x - w / 2, c.y - k * gap - h / 2],
      [c.x - w / 2, c.y + k * gap + h / 2],
    ] as [number, number][]);
    for (const [x, y] of tries) {
      const box: Box = [x - 1, y - h / 2, x + w + 1, y + h / 2];
      if (box[0] < 0 || box[1] < 0 || box[2] > width || box[3] > height) continue;
      if (taken.some((t) => t[0] < box[2] && t[2] > box[0] && t[1] < box[3] && t[3] > box[1])) continue;
      taken.push(box);
      placed.push({ text: c.text, x, y });
      break;
    }
  }
  return placed;
}

// Greedy label placement for the map: labels in order of importance, each at the
// first free spot around its mark (right, left, above, below), or left out when
// every spot would overlap a label already placed or leave the frame.

export interface LabelRequest {
  text: string;
  x: number;
  y: number;
  /** Distance from the mark's centre to its edge, pixels. */
  radius: number;
  /** Placed even over other marks (never over other labels). */
  important?: boolean;
}

export interface PlacedLabel {
  text: string;
  /** Anchor point and baseline of the text. */
  x: number;
  y: number;
  anchor: 'start' | 'end' | 'middle';
  /** The space it takes: left, top, width, height. */
  box: [number, number, number, number];
}

const CHAR = 6.3;
const HEIGHT = 12;

/**
 * Labels that fit in the `width` × `height` frame without overlapping each other
 * or, unless important, any mark of `requests` or box of `obstacles` (left, top, width,
 * height: marks with no label, such as a road's fleet tag); most important first.
 */
export function placeLabels(
  requests: readonly LabelRequest[], width: number, height: number, obstacles: readonly (readonly [number, number, number, number])[] = [],
): PlacedLabel[] {
  const marks = [...requests.map((r): readonly [number, number, number, number] => [r.x - r.radius, r.y - r.radius, 2 * r.radius, 2 * r.radius]), ...obstacles];
  const boxes: [number, number, number, number][] = [];
  const placed: PlacedLabel[] = [];
  for (const r of requests) {
    const w = r.text.length * CHAR;
    const gap = r.radius + 3;
    // The baseline sits 10 px below the top of each box.
    const options: PlacedLabel[] = [
      { text: r.text, x: r.x + gap, y: r.y + 4, anchor: 'start', box: [r.x + gap, r.y - HEIGHT / 2, w, HEIGHT] },
      { text: r.text, x: r.x - gap, y: r.y + 4, anchor: 'end', box: [r.x - gap - w, r.y - HEIGHT / 2, w, HEIGHT] },
      { text: r.text, x: r.x, y: r.y - gap - 2, anchor: 'middle', box: [r.x - w / 2, r.y - gap - HEIGHT, w, HEIGHT] },
      { text: r.text, x: r.x, y: r.y + gap + 10, anchor: 'middle', box: [r.x - w / 2, r.y + gap, w, HEIGHT] },
    ];
    const free = options.find(({ box }) =>
      box[0] >= 0 && box[1] >= 0 && box[0] + box[2] <= width && box[1] + box[3] <= height &&
      boxes.every((b) => !overlaps(b, box)) && (r.important === true || marks.every((m) => !overlaps(m, box))));
    if (free === undefined) continue;
    boxes.push(free.box);
    placed.push(free);
  }
  return placed;
}

function overlaps(a: readonly number[], b: readonly number[]): boolean {
  return a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3];
}

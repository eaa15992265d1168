// Chart legends drawn inside the SVG, so a chart copied or printed alone still
// says what each mark means. Items flow left to right and wrap to new rows.

import { MARK } from './palette.js';
import { el, text } from './svg.js';
import { maxOf } from '../report/extremes.js';

export interface LegendItem {
  label: string;
  color: string;
  /** How the swatch is drawn: a line (solid or dashed), a shaded box, or a point. */
  shape: 'line' | 'dashed' | 'box' | 'point' | 'hollow';
  /** The line's own dash pattern, when it has one. */
  pattern?: string | null;
}

const ROW = 18;
const CHAR = 6.4;

/**
 * Rows of items that fit in `width` pixels; each item with its x offset, its first row and its label's
 * lines. A label too long for one row is wrapped at spaces and its item takes rows of its own.
 */
function layout(items: readonly LegendItem[], width: number): { item: LegendItem; x: number; row: number; lines: string[] }[] {
  const out: { item: LegendItem; x: number; row: number; lines: string[] }[] = [];
  const chars = Math.max(8, Math.floor((width - 26) / CHAR));
  let x = 0;
  let row = 0;
  for (const item of items) {
    const lines = wrap(item.label, chars);
    const w = 26 + maxOf(lines.map((line) => line.length)) * CHAR + 16;
    if (x > 0 && (x + w > width || lines.length > 1)) {
      row++;
      x = 0;
    }
    out.push({ item, x, row, lines });
    if (lines.length > 1) {
      row += lines.length - 1;
      x = width;
    } else x += w;
  }
  return out;
}

/** `label` in lines of at most `chars` characters, broken at spaces (a longer word keeps a line of its own). */
function wrap(label: string, chars: number): string[] {
  if (label.length <= chars) return [label];
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > chars) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  lines.push(line);
  return lines;
}

/** Height in pixels the legend of `items` takes at `width`; 0 when there are none. */
export function legendHeight(items: readonly LegendItem[], width: number): number {
  if (items.length === 0) return 0;
  return (maxOf(layout(items, width).map((p) => p.row + p.lines.length - 1)) + 1) * ROW;
}

/** The legend as an SVG group whose top-left corner is at (x, y). */
export function legend(items: readonly LegendItem[], x: number, y: number, width: number): string {
  const parts = layout(items, width).map(({ item, x: dx, row, lines }) =>
    el('g', { transform: `translate(${dx},${row * ROW})` }, swatch(item), el('text', { x: 26, y: 12 },
      lines.length === 1 ? text(item.label) : lines.map((line, i) => el('tspan', { x: 26, dy: i === 0 ? null : ROW }, text(line))))),
  );
  return el('g', { class: 'legend', transform: `translate(${x},${y})` }, ...parts);
}

function swatch(item: LegendItem): string {
  switch (item.shape) {
    case 'box':
      return el('rect', { x: 0, y: 3, width: 20, height: 10, fill: item.color, 'fill-opacity': 0.35, stroke: item.color });
    case 'point':
      return el('circle', { cx: 10, cy: 8, r: 4.5, fill: item.color, stroke: MARK.ink, 'stroke-width': 0.8 });
    case 'hollow':
      return el('circle', { cx: 10, cy: 8, r: 4.5, fill: 'white', stroke: item.color, 'stroke-width': 2 });
    default:
      return el('line', {
        x1: 0, y1: 8, x2: 20, y2: 8, stroke: item.color, 'stroke-width': 2.5,
        'stroke-dasharray': item.shape === 'dashed' ? '5 3' : item.pattern ?? null,
      });
  }
}

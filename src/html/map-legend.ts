// The map's legend panel: road colour classes (both layers, switched with
// them), settlement clearance classes and sizes, and the symbols of places and
// hazards.

import { formatCount } from '../report/format.js';
import type { MapSettlement } from './map-data.js';
import { type Classes, CLEARANCE_CLASSES, DELAY_CLASSES, QUEUE_CLASSES, largest } from './map-scales.js';
import { MARK } from './palette.js';
import { el, text } from './svg.js';

/** The legend panel beside the map, and its height in pixels. */
export function mapLegend(radius: (population: number) => number, settlements: readonly MapSettlement[]): { svg: string; height: number } {
  let y = 0;
  const parts: string[] = [];
  const heading = (label: string) => {
    y += 22;
    parts.push(el('text', { y, class: 'legend-heading' }, text(label)));
    y += 6;
  };
  const classRows = (classes: Classes, className: string) => {
    const rows = classes.labels.map((label, i) =>
      el('g', { transform: `translate(0,${y + i * 16})` },
        el('rect', { y: 2, width: 22, height: 8, fill: classes.colors[i] }),
        el('text', { x: 30, y: 10 }, text(label))));
    parts.push(el('g', { class: className || null }, ...rows));
  };
  y += 18;
  parts.push(el('text', { y, class: 'legend-heading links-queue' }, text('Roads: peak queue (share filled)')));
  parts.push(el('text', { y, class: 'legend-heading links-delay' }, text('Roads: mean delay per vehicle')));
  y += 6;
  classRows(QUEUE_CLASSES, 'links-queue');
  classRows(DELAY_CLASSES, 'links-delay');
  y += QUEUE_CLASSES.labels.length * 16;
  parts.push(el('text', { y: y + 10, class: 'muted' }, text('width: vehicles carried; dashed: railway')));
  y += 16;

  heading('Settlements: clear after order');
  classRows(CLEARANCE_CLASSES, '');
  y += CLEARANCE_CLASSES.labels.length * 16;
  parts.push(legendCircle(y, MARK.notCleared, MARK.ink, 0.8, 'not cleared by the end'));
  parts.push(legendCircle(y + 16, MARK.notTold, MARK.ink, 0.8, 'not told to leave'));
  parts.push(legendCircle(y + 32, '#ffffff', MARK.trapped, 3, 'people trapped'));
  y += 48;

  const sizes = niceSizes(largest(settlements.map((s) => s.population)));
  if (sizes.length > 0) {
    heading('Population');
    const rMax = radius(sizes[0]);
    let x = rMax;
    const circles = sizes.map((p) => {
      const r = radius(p);
      const g = el('g', { transform: `translate(${x},${y + rMax})` },
        el('circle', { cy: rMax - r, r, fill: 'none', stroke: MARK.ink }),
        el('text', { y: rMax + 14, 'text-anchor': 'middle' }, text(formatCount(p))));
      x += Math.max(2 * r + 12, 44);
      return g;
    });
    parts.push(...circles);
    y += 2 * rMax + 20;
  }

  heading('Places and hazards');
  const symbol = (shape: string, label: string) => {
    parts.push(el('g', { transform: `translate(0,${y})` }, shape, el('text', { x: 30, y: 10 }, text(label))));
    y += 17;
  };
  symbol(el('rect', { x: 5, y: 0, width: 12, height: 12, fill: MARK.shelter }), 'shelter (with places)');
  symbol(el('path', { d: 'M11,-1L18,12L4,12Z', fill: MARK.exit }), 'exit (region edge, onward)');
  symbol(el('rect', { y: 0, width: 22, height: 12, fill: MARK.front, 'fill-opacity': 0.22 }), 'area the front has reached');
  symbol(el('line', { x1: 0, x2: 22, y1: 6, y2: 6, stroke: MARK.front, 'stroke-width': 2.5, 'stroke-dasharray': '8 3' }), 'front at its start');
  symbol(el('path', { d: 'M5,1L17,11M5,11L17,1', stroke: MARK.trapped, 'stroke-width': 2.5 }), 'captured place');
  symbol(el('line', { x1: 0, x2: 22, y1: 6, y2: 6, stroke: MARK.closure, 'stroke-width': 3, 'stroke-dasharray': '2 4' }), 'road closed');
  symbol(el('line', { x1: 0, x2: 22, y1: 6, y2: 6, stroke: MARK.slowdown, 'stroke-width': 3, 'stroke-dasharray': '6 3' }), 'road slowed');
  parts.push(el('text', { y: y + 10, class: 'muted' }, text('faded: not in force at the time shown')));
  return { svg: el('g', { class: 'map-legend' }, ...parts), height: y + 16 };
}

function legendCircle(y: number, fill: string, stroke: string, strokeWidth: number, label: string): string {
  return el('g', { transform: `translate(0,${y})` },
    el('circle', { cx: 11, cy: 6, r: 5.5, fill, stroke, 'stroke-width': strokeWidth }),
    el('text', { x: 30, y: 10 }, text(label)));
}

/** Up to three round populations to show in the size legend, largest first. */
function niceSizes(max: number): number[] {
  if (max <= 0) return [];
  const top = 10 ** Math.floor(Math.log10(max));
  const first = [5, 2, 1].map((m) => m * top).find((p) => p <= max) ?? top;
  return [first, first / 10, first / 100].filter((p) => p >= 1 && Number.isInteger(p));
}

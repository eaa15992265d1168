// The map's legend, as HTML beside (or, on a phone, under) the map: the road and
// settlement colours of the current view, population sizes, and a symbol only
// for what the scenario has (no front entry without a front, no fleet without fleets).

import { formatCount } from '../report/format.js';
import { BADGE, FACILITY_WORDS, facilityBadge, facilityKinds } from './facilities.js';
import type { MapData } from './map-data.js';
import { runClearance } from './map.js';
import { CHANGE_CLASSES, type Classes, DELAY_CLASSES, QUEUE_CLASSES, largest, populationRadius } from './map-scales.js';
import { type MapView, resolveView } from './map-view.js';
import { MARK, STATE } from './palette.js';
import { el, text } from './svg.js';

/** The legend of `data` drawn with `view`. */
export function mapLegend(data: MapData, view: MapView = {}): string {
  const v = resolveView(data, view);
  const blocks: string[] = [];
  const roadTitle = { now: 'Roads: vehicles on them now (share of room)', queue: 'Roads: most vehicles at once, moving or queued (share of room)', delay: 'Roads: mean delay per vehicle' }[v.roads];
  blocks.push(block(roadTitle, classItems(v.roads === 'delay' ? DELAY_CLASSES : QUEUE_CLASSES),
    item(line('#c8c8c8', 3), v.roads === 'now' ? 'no vehicle now' : 'not used'),
    note(v.roads === 'now' ? 'width: vehicles passing in the interval' : 'width: vehicles carried'),
    data.roads.some((r) => r.mode === 'rail') ? item(line(MARK.ink, 2, '7 3'), 'railway') : ''));

  if (v.settlements === 'clearance') {
    blocks.push(block('Settlements: clear after the order', classItems(runClearance(data, v.baseline)),
      item(circle(MARK.notCleared), 'not cleared by the end'), item(circle(MARK.notTold), 'not told to leave')));
  } else if (v.settlements === 'change') {
    blocks.push(block('Settlements: evacuated against the baseline', classItems(CHANGE_CLASSES)));
  } else {
    blocks.push(block('Settlements at the time shown',
      item(circle(MARK.notTold), 'not told yet'),
      item(circle(STATE.waiting), 'people waiting to leave'),
      item(circle(STATE.left), 'everyone who complied has left'),
      note('blue wedge: share of those who complied who have left')));
  }
  const trapped = data.settlements.some((s) => s.trapped > 0);
  const captured = data.settlements.some((s) => s.capturedAt !== null) || data.hazards.some((h) => h.kind === 'capture');
  blocks.push(block('Marks',
    trapped ? item(ring(MARK.trapped), 'people trapped') : '',
    captured ? item(svg(el('path', { d: 'M5,1L17,11M5,11L17,1', stroke: MARK.trapped, 'stroke-width': 2.5 })), 'captured') : '',
    data.origins.length > 0 ? item(svg(el('rect', { x: 5, y: 0, width: 12, height: 12, fill: MARK.queue, 'fill-opacity': 0.55, stroke: MARK.queue })), 'vehicles waiting to enter the road (size: count)') : '',
    data.roads.some((r) => r.over?.fleetOnRoad.some((n) => n > 0)) ? item(svg(el('rect', { x: 1, y: 0, width: 20, height: 12, rx: 3, fill: MARK.fleet })), 'fleet vehicles on a road (count)') : '',
    data.destinations.some((d) => d.capacity !== null) ? item(svg(el('rect', { x: 5, y: 0, width: 12, height: 12, fill: MARK.shelter })), 'shelter (filled: share of places taken)') : '',
    data.destinations.some((d) => d.capacity === null) ? item(svg(el('path', { d: 'M11,-1L18,12L4,12Z', fill: MARK.exit })), 'exit (size: people arrived)') : ''));

  const kinds = facilityKinds(data.settlements);
  if (kinds.length > 0) {
    blocks.push(block('Special facilities',
      ...kinds.map((k) => item(badgeSwatch(facilityBadge(k, BADGE / 2 + 1, BADGE / 2 + 1)), FACILITY_WORDS[k])),
      note('on the edge of the circle at their place; their people have no cars and wait for the fleets serving them')));
  }
  const hazards = new Set(data.hazards.map((h) => h.kind));
  if (hazards.size > 0) {
    blocks.push(block('Hazards',
      hazards.has('front') ? item(svg(el('rect', { y: 0, width: 22, height: 12, fill: MARK.front, 'fill-opacity': 0.22 })), 'area the front has reached') : '',
      hazards.has('front') ? item(line(MARK.front, 2.5, '8 3'), 'front at its start') : '',
      hazards.has('capture') ? item(svg(el('circle', { cx: 11, cy: 6, r: 5.5, fill: 'none', stroke: MARK.front, 'stroke-width': 2, 'stroke-dasharray': '3 2' })), 'captured place') : '',
      hazards.has('closure') ? item(line(MARK.closure, 3, '2 4'), 'road closed') : '',
      hazards.has('slowdown') ? item(line(MARK.slowdown, 3, '6 3'), 'road slowed') : '',
      hazards.has('closure') || hazards.has('slowdown') ? note('faded: not in force at the time shown') : ''));
  }
  const sizes = niceSizes(largest(data.settlements.map((s) => s.population)));
  if (sizes.length > 0) {
    const radius = populationRadius(largest(data.settlements.map((s) => s.population)), v.width < 500 ? 13 : 18);
    blocks.push(block('Population', el('div', { class: 'sizes' }, ...sizes.map((p) => {
      const r = radius(p);
      return el('span', { class: 'size' },
        el('svg', { width: 2 * r + 2, height: 2 * r + 2, 'aria-hidden': 'true' }, el('circle', { cx: r + 1, cy: r + 1, r, fill: 'none', stroke: MARK.ink })),
        text(formatCount(p)));
    }))));
  }
  return el('div', { class: 'map-legend' }, ...blocks);
}

function block(title: string, ...items: string[]): string {
  return el('div', { class: 'legend-block' }, el('p', { class: 'legend-heading' }, text(title)), ...items);
}

function classItems(classes: Classes): string {
  return classes.labels.map((label, i) => item(svg(el('rect', { y: 2, width: 22, height: 9, fill: classes.colors[i] })), label)).join('');
}

function item(swatch: string, label: string): string {
  return el('div', { class: 'legend-item' }, swatch, el('span', {}, text(label)));
}

function note(label: string): string {
  return el('p', { class: 'legend-note' }, text(label));
}

function svg(shape: string): string {
  return el('svg', { width: 22, height: 13, viewBox: '0 -1 22 14', 'aria-hidden': 'true' }, shape);
}

function badgeSwatch(badge: string): string {
  return el('svg', { width: BADGE + 2, height: BADGE + 2, viewBox: `0 0 ${BADGE + 2} ${BADGE + 2}`, 'aria-hidden': 'true' }, badge);
}

function line(color: string, width: number, dash: string | null = null): string {
  return svg(el('line', { x1: 0, x2: 22, y1: 6, y2: 6, stroke: color, 'stroke-width': width, 'stroke-dasharray': dash }));
}

function circle(fill: string): string {
  return svg(el('circle', { cx: 11, cy: 6, r: 5.5, fill, stroke: MARK.ink, 'stroke-width': 0.8 }));
}

function ring(color: string): string {
  return svg(el('circle', { cx: 11, cy: 6, r: 5, fill: 'white', stroke: color, 'stroke-width': 3 }));
}

/** Up to three round populations to show in the size legend, largest first. */
function niceSizes(max: number): number[] {
  if (max <= 0) return [];
  const top = 10 ** Math.floor(Math.log10(max));
  const first = [5, 2, 1].map((m) => m * top).find((p) => p <= max) ?? top;
  return [first, first / 10, first / 100].filter((p) => p >= 1 && Number.isInteger(p));
}

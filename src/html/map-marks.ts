// The map's marks at one instant: settlements (state, time to clear or change
// from a baseline), origin queues, fleet vehicles on roads, and shelters and
// exits with the people there. Each mark carries its numbers as a tooltip and
// as data attributes, and can take keyboard focus.

import { formatCount, formatDuration } from '../report/format.js';
import { instant } from './instant.js';
import type { MapData, MapDestination, MapOrigin, MapRoad, MapSettlement, Point } from './map-data.js';
import { FACILITY_WORDS, facilityBadge } from './facilities.js';
import { CHANGE_CLASSES, type Classes, classColor } from './map-scales.js';
import type { SettlementColouring } from './map-view.js';
import { MARK, STATE } from './palette.js';
import { el, num, text } from './svg.js';

export type Project = (p: Point) => Point;

/** What a settlement's mark shows at instant `i`. */
export interface SettlementContext {
  i: number;
  time: number;
  start: string | null;
  colouring: SettlementColouring;
  clearance: Classes;
  /** The baseline's evacuated at the same time, by settlement id (for "change"). */
  before: Map<string, number> | null;
}

/** The state word of a settlement at an instant, as written in `data-state`. */
export function settlementState(s: MapSettlement, i: number, time: number): 'not told' | 'waiting' | 'clear' | 'trapped' {
  if (s.over.trapped[i] > 0 && s.over.waiting[i] === 0) return 'trapped';
  if (s.orderedAt === null || s.orderedAt > time) return 'not told';
  return s.over.waiting[i] > 0 ? 'waiting' : 'clear';
}

/** A settlement's mark; `badge`, for a special facility, is where its badge goes (facilities.ts). */
export function settlementMark(s: MapSettlement, project: Project, r: number, c: SettlementContext, badge: Point | null = null): string {
  const [x, y] = project(s.at);
  const { i } = c;
  const waiting = s.over.waiting[i];
  const left = s.over.left[i];
  const trapped = s.over.trapped[i];
  const state = settlementState(s, i, c.time);
  const took = s.clearance !== null && s.orderedAt !== null ? s.clearance - s.orderedAt : null;
  const change = c.before === null ? null : s.over.evacuated[i] - (c.before.get(s.id) ?? 0);
  let body: string;
  if (c.colouring === 'clearance') {
    const fill = s.told === 0 ? MARK.notTold : took === null ? MARK.notCleared : classColor(c.clearance, took);
    body = el('circle', { cx: x, cy: y, r, fill, 'fill-opacity': 0.9, stroke: MARK.ink, 'stroke-width': 0.8 });
  } else if (c.colouring === 'change' && change !== null) {
    const base = Math.max(1, s.over.evacuated[i] - change, s.population * 0.05);
    body = el('circle', { cx: x, cy: y, r, fill: classColor(CHANGE_CLASSES, change / base), stroke: MARK.ink, 'stroke-width': 0.8 });
  } else {
    body = statePie(x, y, r, state === 'not told' ? 0 : waiting, left);
  }
  const captured = s.capturedAt !== null && s.capturedAt <= c.time;
  const cross = r * 0.75 + 2;
  const lines = [
    `${s.name}${s.district === null ? '' : `, ${s.district}`} — at ${instant(c.time, c.start)}`,
    s.facility === undefined ? '' : `special facility: ${FACILITY_WORDS[s.facility]}${s.unserved ? '; no fleet serves it' : ''}${(s.fleetLosses ?? []).map((w) => `; ${w}`).join('')}`,
    `population ${formatCount(s.population)}; ${state}`,
    `waiting ${formatCount(waiting)}, left ${formatCount(left)}, evacuated ${formatCount(s.over.evacuated[i])}, trapped ${formatCount(trapped)}`,
    change === null ? '' : `evacuated ${change >= 0 ? '+' : '−'}${formatCount(Math.abs(change))} against the baseline`,
    s.orderedAt === null ? 'not told to leave' : `order at ${instant(s.orderedAt, c.start)}`,
    s.told === 0 ? '' : took === null ? 'not cleared by the end of the run' : `clear at ${instant(s.clearance as number, c.start)}, ${formatDuration(took)} after the order`,
    s.capturedAt === null ? '' : `captured at ${instant(s.capturedAt, c.start)}`,
  ].filter((line) => line !== '');
  return el('g', {
    class: 'settlement', tabindex: 0, 'data-settlement': s.id, 'data-facility': s.facility ?? null, 'data-state': state,
    'data-waiting': waiting, 'data-left': left, 'data-evacuated': s.over.evacuated[i], 'data-trapped': trapped,
  },
    el('title', {}, text(lines.join('\n'))),
    body,
    trapped > 0 ? el('circle', { cx: x, cy: y, r: r + 2, fill: 'none', stroke: MARK.trapped, 'stroke-width': 3 }) : '',
    captured ? el('path', {
      d: `M${num(x - cross)},${num(y - cross)}L${num(x + cross)},${num(y + cross)}M${num(x - cross)},${num(y + cross)}L${num(x + cross)},${num(y - cross)}`,
      stroke: MARK.trapped, 'stroke-width': 2.5, class: 'captured',
    }) : '',
    s.facility === undefined || badge === null ? '' : facilityBadge(s.facility, badge[0], badge[1]));
}

/** A circle: white when nobody is told, orange for those waiting, with a blue wedge for the share who left. */
function statePie(x: number, y: number, r: number, waiting: number, left: number): string {
  const total = waiting + left;
  if (total === 0) return el('circle', { cx: x, cy: y, r, fill: MARK.notTold, stroke: MARK.ink, 'stroke-width': 0.8 });
  const share = left / total;
  const ring = { stroke: MARK.ink, 'stroke-width': 0.8 };
  if (share >= 1) return el('circle', { cx: x, cy: y, r, fill: STATE.left, ...ring });
  if (share <= 0) return el('circle', { cx: x, cy: y, r, fill: STATE.waiting, ...ring });
  const angle = share * 2 * Math.PI;
  const ex = x + r * Math.sin(angle);
  const ey = y - r * Math.cos(angle);
  return el('circle', { cx: x, cy: y, r, fill: STATE.waiting, ...ring }) +
    el('path', {
      d: `M${num(x)},${num(y)}L${num(x)},${num(y - r)}A${num(r)},${num(r)} 0 ${angle > Math.PI ? 1 : 0} 1 ${num(ex)},${num(ey)}Z`,
      fill: STATE.left,
    });
}

/** Vehicles waiting to enter the network at a node: an orange square sized by the count, with the count. */
export function originMark(o: MapOrigin, i: number, project: Project, size: (n: number) => number, nodeName: string): string {
  const n = o.queued[i];
  if (n <= 0) return '';
  const [x, y] = project(o.at);
  const side = size(n);
  return el('g', { class: 'origin-queue', tabindex: 0, 'data-queued': n },
    el('title', {}, text(`${formatCount(n)} vehicles waiting to enter the road at ${nodeName}`)),
    el('rect', { x: x - side / 2, y: y - side / 2, width: side, height: side, fill: MARK.queue, 'fill-opacity': 0.55, stroke: MARK.queue, 'stroke-width': 1.5 }));
}

/** Fleet vehicles on a road at the instant: a small bus at the road's middle with the count. */
export function fleetMark(r: MapRoad, i: number, project: Project): string {
  const n = r.over?.fleetOnRoad[i] ?? 0;
  if (n <= 0) return '';
  const label = formatCount(n);
  const [x, y, w, h] = fleetTagBox(r, n, project);
  return el('g', { class: 'fleet-on-road', tabindex: 0, 'data-fleet': n },
    el('title', {}, text(`${label} fleet ${n === 1 ? 'vehicle' : 'vehicles'} on ${r.id}`)),
    el('rect', { x, y, width: w, height: h, rx: 4, fill: MARK.fleet, stroke: 'white' }),
    el('text', { x: x + w / 2, y: y + 12, 'text-anchor': 'middle', class: 'on-mark' }, text(label)));
}

/** The box (left, top, width, height) of the tag of `n` fleet vehicles on road `r`: at the middle of its line. */
export function fleetTagBox(r: MapRoad, n: number, project: Project): [number, number, number, number] {
  const points = r.points.map(project);
  const [x, y] = points[Math.floor((points.length - 1) / 2)].map((v, k) => (v + points[Math.ceil((points.length - 1) / 2)][k]) / 2);
  const w = 10 + formatCount(n).length * 7;
  return [x - w / 2, y - 8, w, 16];
}

/** A shelter (square, filled up to its occupancy) or an exit (triangle sized by arrivals). */
export function destinationMark(d: MapDestination, i: number, project: Project, exitSize: (n: number) => number, time: number, start: string | null): string {
  const [x, y] = project(d.at);
  const there = d.arrivedOver[i] ?? d.arrived;
  const title = `${d.name} — at ${instant(time, start)}\n` + (d.capacity === null
    ? `exit: ${formatCount(there)} arrived (${formatCount(d.arrived)} by the end)`
    : `shelter: ${formatCount(there)} of ${formatCount(d.capacity)} places taken (${formatCount(d.arrived)} by the end)`);
  let shape: string;
  if (d.capacity === null) {
    const s = exitSize(there);
    shape = el('path', { d: `M${num(x)},${num(y - s)}L${num(x + s * 0.9)},${num(y + s * 0.6)}L${num(x - s * 0.9)},${num(y + s * 0.6)}Z`, fill: MARK.exit, stroke: 'white', 'stroke-width': 1.5 });
  } else {
    const share = d.capacity > 0 ? Math.min(1, there / d.capacity) : 1;
    shape = el('rect', { x: x - 7, y: y - 7, width: 14, height: 14, fill: 'white', stroke: MARK.shelter, 'stroke-width': 2 }) +
      (share > 0 ? el('rect', { x: x - 6, y: y + 6 - 12 * share, width: 12, height: 12 * share, fill: MARK.shelter }) : '');
  }
  return el('g', { class: 'destination', tabindex: 0, 'data-destination': d.id, 'data-there': there }, el('title', {}, text(title)), shape);
}

/** The baseline's evacuated per settlement id at time `t`. */
export function evacuatedAt(baseline: MapData, t: number, index: (times: readonly number[], t: number) => number): Map<string, number> {
  const i = index(baseline.times, t);
  return new Map(baseline.settlements.map((s) => [s.id, s.over.evacuated[i] ?? s.evacuated]));
}

// The hazards on the map at one instant: the area the front has reached (a
// buffer around its start line, clipped to the side it advances into), captured
// places, and the roads closed or slowed at that time.

import { formatCount } from '../report/format.js';
import type { MapHazard, MapRoad, Point } from './map-data.js';
import type { Project } from './map-marks.js';
import { MARK } from './palette.js';
import { el, pathOf, text } from './svg.js';

/** Metres the front has advanced by `time`. */
export function frontReach(h: Extract<MapHazard, { kind: 'front' }>, time: number): number {
  return Math.min(h.maxDepth, Math.max(0, (time - h.from) * h.speed));
}

/** The half-plane the front advances into, as a clip path `${id}-front-${i}`; empty when it spreads both ways. */
export function frontClip(h: MapHazard, i: number, project: Project, id: string): string {
  if (h.kind !== 'front' || h.side === null || h.line.length < 2) return '';
  const line = h.line.map(project);
  const a = line[0];
  const b = line[line.length - 1];
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  const u: Point = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
  // The side vector is in metres with y up; the screen's y points down.
  const n: Point = [h.side[0], -h.side[1]];
  const far = 50000;
  const polygon: Point[] = [
    [a[0] - u[0] * far, a[1] - u[1] * far],
    ...line,
    [b[0] + u[0] * far, b[1] + u[1] * far],
    [b[0] + u[0] * far + n[0] * far, b[1] + u[1] * far + n[1] * far],
    [a[0] - u[0] * far + n[0] * far, a[1] - u[1] * far + n[1] * far],
  ];
  return el('clipPath', { id: `${id}-front-${i}` }, el('path', { d: `${pathOf(polygon)}Z` }));
}

/** The area the front has reached at `time`, drawn as a wide stroke along its line; `pxPerMetre` scales the reach. */
export function hazardArea(h: MapHazard, i: number, project: Project, pxPerMetre: number, id: string, time: number): string {
  if (h.kind !== 'front') return '';
  const reach = frontReach(h, time);
  return el('g', { 'clip-path': h.side === null ? null : `url(#${id}-front-${i})`, class: 'front-area', 'data-reach-m': Math.round(reach) },
    el('title', {}, text(`front: ${formatCount(h.speed * 86.4)} km per day up to ${formatCount(h.maxDepth / 1000)} km; ${formatCount(reach / 1000)} km reached`)),
    el('path', {
      d: pathOf(h.line.map(project)), fill: 'none', stroke: MARK.front, 'stroke-opacity': 0.22, 'stroke-width': 2 * reach * pxPerMetre,
      'stroke-linecap': 'round', 'stroke-linejoin': 'round',
    }));
}

/** Closed and slowed roads, faded outside the time the hazard is in force. */
export function hazardRoads(h: MapHazard, roads: Map<string, MapRoad>, project: Project, time: number): string {
  if (h.kind !== 'closure' && h.kind !== 'slowdown') return '';
  const active = time >= h.from && (h.until === null || time < h.until);
  const title = h.kind === 'closure' ? 'closed' : `slowed to ${Math.round(h.factor * 100)} % of speed and capacity`;
  return el('g', { class: 'hazard-road', 'data-active': active ? 'true' : 'false', opacity: active ? 1 : 0.3 }, h.roads.flatMap((roadId) => {
    const r = roads.get(roadId);
    if (r === undefined) return [];
    return [el('g', {}, el('title', {}, text(`${r.id}: ${title}${active ? '' : ' (not at the time shown)'}`)),
      el('path', {
        d: pathOf(r.points.map(project)), fill: 'none', stroke: h.kind === 'closure' ? MARK.closure : MARK.slowdown, 'stroke-width': 3,
        'stroke-dasharray': h.kind === 'closure' ? '2 4' : '6 3', 'stroke-linecap': 'round',
      }))];
  }));
}

/** The front's start line, and rings at places captured by `time`. */
export function hazardMarks(h: MapHazard, project: Project, time: number): string {
  if (h.kind === 'front') {
    return el('path', { d: pathOf(h.line.map(project)), fill: 'none', stroke: MARK.front, 'stroke-width': 2.5, 'stroke-dasharray': '8 3' });
  }
  if (h.kind === 'capture' && h.at <= time) {
    return el('g', { class: 'captured-place' }, h.points.map((p) => {
      const [x, y] = project(p);
      return el('circle', { cx: x, cy: y, r: 9, fill: 'none', stroke: MARK.front, 'stroke-width': 2, 'stroke-dasharray': '3 2' });
    }));
  }
  return '';
}

// The network map as an SVG string: roads coloured by peak queue (or by delay,
// the other layer, switched by the page), settlements sized by population and
// coloured by how long they took to clear, shelters and exits, and the hazards
// at a chosen instant (the front's reach, captured places, active closures).

import { formatCount, formatDuration } from '../report/format.js';
import { CLEARANCE_CLASSES, DELAY_CLASSES, QUEUE_CLASSES, classColor, largest, populationRadius, roadWidth } from './map-scales.js';
import { mapLegend } from './map-legend.js';
import type { MapData, MapHazard, MapRoad, MapSettlement, Point } from './map-data.js';
import { placeLabels } from './map-labels.js';
import { mapTimeLabel } from './map-time.js';
import { MARK } from './palette.js';
import { clockAt } from '../report/clock.js';
import { el, num, pathOf, text } from './svg.js';

export interface MapOptions {
  /** Instant the hazards are drawn at; the end of the run by default. */
  time?: number;
  /** Prefix of the ids inside the SVG, unique on its page. */
  id?: string;
}

const WIDTH = 960;
const MAP_WIDTH = 680;
const MAX_HEIGHT = 640;
const MIN_HEIGHT = 520;
const PAD = 28;
const MAX_LABELS = 150;

/** The map as a standalone `<svg>`; its `id` is `options.id` (default "map"). */
export function renderMap(data: MapData, options: MapOptions = {}): string {
  const id = options.id ?? 'map';
  const time = options.time ?? data.endTime;
  const radius = populationRadius(largest(data.settlements.map((s) => s.population)));
  const key = mapLegend(radius, data.settlements);
  const frame = fit(data, Math.max(MIN_HEIGHT, key.height + 16));
  const roadsById = new Map(data.roads.map((r) => [r.id, r]));
  const width = roadWidth(largest(data.roads.map((r) => r.vehicles)));
  const [startMs, offset] = clockOrigin(data.start);

  const layers = [
    el('rect', { x: 0, y: 0, width: MAP_WIDTH, height: frame.height, fill: '#fbfbf8', stroke: MARK.grid }),
    el('g', { class: 'hazard-areas' }, ...data.hazards.map((h, i) => hazardArea(h, i, frame, id, time))),
    el('g', { class: 'roads-base' }, ...data.roads.map((r) => roadPath(r, frame, '#ffffff', width(r.vehicles) + 2, null))),
    roadLayer('links-queue', data.roads, frame, width, (r) => classColor(QUEUE_CLASSES, r.storage > 0 ? r.peakQueue / r.storage : 0)),
    roadLayer('links-delay', data.roads, frame, width, (r) => classColor(DELAY_CLASSES, r.delayPerVehicle)),
    el('g', { class: 'hazard-roads' }, ...data.hazards.map((h) => hazardRoads(h, roadsById, frame, time))),
    el('g', { class: 'destinations' }, ...data.destinations.map((d) => destinationMark(d, frame))),
    el('g', { class: 'settlements' }, ...[...data.settlements]
      .sort((a, b) => b.population - a.population)
      .map((s) => settlementMark(s, frame, radius, time, data.start))),
    el('g', { class: 'hazard-marks' }, ...data.hazards.map((h) => hazardMarks(h, frame, time))),
    labels(data, frame, radius),
    scaleBar(frame),
  ];
  const height = frame.height;
  return el(
    'svg',
    { id, class: 'map', viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': 'Map of the network, settlements, shelters and hazards' },
    el('title', {}, text('Map of the network, settlements, shelters and hazards')),
    el('defs', {}, ...data.hazards.map((h, i) => frontClip(h, i, frame, id))),
    ...layers,
    el('g', { transform: `translate(${MAP_WIDTH + 20},8)` }, key.svg),
    el('text', {
      x: 8, y: 18, class: 'map-time', 'data-time-label': '',
      'data-start-ms': startMs, 'data-offset-minutes': offset,
    }, text(`hazards at ${mapTimeLabel(time, startMs, offset)}`)),
  );
}

interface Frame {
  height: number;
  /** Pixels per metre. */
  k: number;
  project: (p: Point) => Point;
}

/** Scales the data to the map panel, keeping its aspect; the frame is at least `minHeight` tall. */
function fit(data: MapData, minHeight: number): Frame {
  const points: Point[] = [
    ...data.roads.flatMap((r) => r.points),
    ...data.settlements.map((s) => s.at),
    ...data.destinations.map((d) => d.at),
  ];
  if (points.length === 0) points.push([0, 0]);
  let [minX, maxX, minY, maxY] = [Infinity, -Infinity, Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  }
  const dx = Math.max(maxX - minX, 1);
  const dy = Math.max(maxY - minY, 1);
  const k = Math.min((MAP_WIDTH - 2 * PAD) / dx, (MAX_HEIGHT - 2 * PAD) / dy);
  const height = Math.max(dy * k + 2 * PAD + 24, minHeight);
  const ox = (MAP_WIDTH - dx * k) / 2;
  const oy = (height - dy * k) / 2 + 10;
  return { height, k, project: (p) => [ox + (p[0] - minX) * k, oy + (maxY - p[1]) * k] };
}

function roadPath(r: MapRoad, frame: Frame, stroke: string, strokeWidth: number, dash: string | null): string {
  return el('path', {
    d: pathOf(r.points.map(frame.project)), fill: 'none', stroke, 'stroke-width': strokeWidth,
    'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'stroke-dasharray': dash,
  });
}

function roadLayer(
  className: string,
  roads: readonly MapRoad[],
  frame: Frame,
  width: (vehicles: number) => number,
  color: (r: MapRoad) => string,
): string {
  // Busy roads last, so they are drawn over quiet ones.
  const order = [...roads].sort((a, b) => a.vehicles - b.vehicles);
  return el('g', { class: className }, ...order.map((r) =>
    el('g', {},
      el('title', {}, text([`${r.mode === 'rail' ? 'railway' : 'road'} ${r.id}`, ...r.detail].join('\n'))),
      roadPath(r, frame, r.vehicles > 0 ? color(r) : '#c8c8c8', width(r.vehicles), r.mode === 'rail' ? '7 3' : null))));
}

function settlementMark(
  s: MapSettlement,
  frame: Frame,
  radius: (population: number) => number,
  time: number,
  start: string | null,
): string {
  const [x, y] = frame.project(s.at);
  const r = radius(s.population);
  const took = s.clearance !== null && s.orderedAt !== null ? s.clearance - s.orderedAt : null;
  const fill = s.told === 0 ? MARK.notTold : took === null ? MARK.notCleared : classColor(CLEARANCE_CLASSES, took);
  const lines = [
    `${s.name}${s.district === null ? '' : `, ${s.district}`}`,
    `population ${formatCount(s.population)}, told ${formatCount(s.told)}, evacuated ${formatCount(s.evacuated)}, trapped ${formatCount(s.trapped)}`,
    s.orderedAt === null ? 'not told to leave' : `order at ${instant(s.orderedAt, start)}`,
    s.told === 0 ? '' : took === null ? 'not cleared by the end of the run' : `clear at ${instant(s.clearance as number, start)}, ${formatDuration(took)} after the order`,
    s.capturedAt === null ? '' : `captured at ${instant(s.capturedAt, start)}`,
  ].filter((line) => line !== '');
  const cross = r * 0.75 + 2;
  return el('g', { class: 'settlement' },
    el('title', {}, text(lines.join('\n'))),
    el('circle', { cx: x, cy: y, r, fill, 'fill-opacity': 0.9, stroke: s.trapped > 0 ? MARK.trapped : MARK.ink, 'stroke-width': s.trapped > 0 ? 3 : 0.8 }),
    s.capturedAt === null ? '' : el('path', {
      d: `M${num(x - cross)},${num(y - cross)}L${num(x + cross)},${num(y + cross)}M${num(x - cross)},${num(y + cross)}L${num(x + cross)},${num(y - cross)}`,
      stroke: MARK.trapped, 'stroke-width': 2.5, 'data-captured-at': s.capturedAt,
      display: s.capturedAt <= time ? 'inline' : 'none',
    }));
}

function destinationMark(d: MapData['destinations'][number], frame: Frame): string {
  const [x, y] = frame.project(d.at);
  const title = `${d.name}\n${d.capacity === null ? 'exit' : `shelter, ${formatCount(d.capacity)} places`}; ${formatCount(d.arrived)} arrived`;
  const shape = d.capacity === null
    ? el('path', { d: `M${num(x)},${num(y - 8)}L${num(x + 7)},${num(y + 5)}L${num(x - 7)},${num(y + 5)}Z`, fill: MARK.exit, stroke: 'white', 'stroke-width': 1 })
    : el('rect', { x: x - 6, y: y - 6, width: 12, height: 12, fill: MARK.shelter, stroke: 'white', 'stroke-width': 1 });
  return el('g', { class: 'destination' }, el('title', {}, text(title)), shape);
}

function frontClip(h: MapHazard, i: number, frame: Frame, id: string): string {
  if (h.kind !== 'front' || h.side === null || h.line.length < 2) return '';
  const line = h.line.map(frame.project);
  const a = line[0];
  const b = line[line.length - 1];
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]) || 1;
  const u: Point = [(b[0] - a[0]) / length, (b[1] - a[1]) / length];
  // The side vector is in metres with y up; the screen's y points down.
  const n: Point = [h.side[0], -h.side[1]];
  const far = 5000;
  const polygon: Point[] = [
    [a[0] - u[0] * far, a[1] - u[1] * far],
    ...line,
    [b[0] + u[0] * far, b[1] + u[1] * far],
    [b[0] + u[0] * far + n[0] * far, b[1] + u[1] * far + n[1] * far],
    [a[0] - u[0] * far + n[0] * far, a[1] - u[1] * far + n[1] * far],
  ];
  return el('clipPath', { id: `${id}-front-${i}` }, el('path', { d: `${pathOf(polygon)}Z` }));
}

function hazardArea(h: MapHazard, i: number, frame: Frame, id: string, time: number): string {
  if (h.kind !== 'front') return '';
  const line = pathOf(h.line.map(frame.project));
  const speed = h.speed * frame.k;
  const max = h.maxDepth * frame.k;
  const reach = Math.min(max, Math.max(0, (time - h.from) * speed));
  return el('g', { 'clip-path': h.side === null ? null : `url(#${id}-front-${i})` },
    el('title', {}, text(`front: ${formatCount(h.speed * 86.4)} km per day up to ${formatCount(h.maxDepth / 1000)} km`)),
    el('path', {
      d: line, fill: 'none', stroke: MARK.front, 'stroke-opacity': 0.22, 'stroke-width': 2 * reach,
      'stroke-linecap': 'round', 'stroke-linejoin': 'round',
      'data-front-from': h.from, 'data-front-speed': speed, 'data-front-max': max,
    }));
}

function hazardRoads(h: MapHazard, roads: Map<string, MapRoad>, frame: Frame, time: number): string {
  if (h.kind !== 'closure' && h.kind !== 'slowdown') return '';
  const active = time >= h.from && (h.until === null || time < h.until);
  const title = h.kind === 'closure' ? 'closed' : `slowed to ${Math.round(h.factor * 100)} % of speed and capacity`;
  return el('g', {
    'data-active-from': h.from, 'data-active-until': h.until ?? null, opacity: active ? 1 : 0.3,
  }, ...h.roads.flatMap((roadId) => {
    const r = roads.get(roadId);
    if (r === undefined) return [];
    return [el('g', {}, el('title', {}, text(`${r.id}: ${title}`)),
      roadPath(r, frame, h.kind === 'closure' ? MARK.closure : MARK.slowdown, 3, h.kind === 'closure' ? '2 4' : '6 3'))];
  }));
}

function hazardMarks(h: MapHazard, frame: Frame, time: number): string {
  if (h.kind === 'front') {
    return el('path', { d: pathOf(h.line.map(frame.project)), fill: 'none', stroke: MARK.front, 'stroke-width': 2.5, 'stroke-dasharray': '8 3' });
  }
  if (h.kind === 'capture') {
    return el('g', {}, ...h.points.map((p) => {
      const [x, y] = frame.project(p);
      return el('circle', {
        cx: x, cy: y, r: 9, fill: 'none', stroke: MARK.front, 'stroke-width': 2, 'stroke-dasharray': '3 2',
        'data-captured-at': h.at, display: h.at <= time ? 'inline' : 'none',
      });
    }));
  }
  return '';
}

function labels(data: MapData, frame: Frame, radius: (population: number) => number): string {
  const settlements = [...data.settlements]
    .sort((a, b) => b.population - a.population)
    .map((s) => ({ text: shortName(s.name), at: frame.project(s.at), radius: radius(s.population) }));
  const destinations = data.destinations.map((d) => ({ text: shortName(d.name), at: frame.project(d.at), radius: 8 }));
  const requests = [...settlements.slice(0, 6), ...destinations, ...settlements.slice(6)]
    .map((r, i) => ({ text: r.text, x: r.at[0], y: r.at[1], radius: r.radius, important: i < 6 }));
  // Only the biggest places can be labelled legibly; the cap keeps placement quick on large maps.
  const placed = placeLabels(requests.slice(0, MAX_LABELS), MAP_WIDTH, frame.height);
  return el('g', { class: 'labels' }, ...placed.map((p) =>
    el('text', { x: p.x, y: p.y, 'text-anchor': p.anchor }, text(p.text))));
}

function scaleBar(frame: Frame): string {
  const target = (MAP_WIDTH / 5) / frame.k;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((m) => m * magnitude).find((m) => m <= target) ?? magnitude;
  const px = metres * frame.k;
  const y = frame.height - 16;
  const label = metres >= 1000 ? `${formatCount(metres / 1000)} km` : `${formatCount(metres)} m`;
  return el('g', { class: 'scale-bar', transform: `translate(16,${y})` },
    el('path', { d: `M0,-5V0H${num(px)}V-5`, fill: 'none', stroke: MARK.ink, 'stroke-width': 1.5 }),
    el('text', { x: px + 6, y: 0 }, text(label)));
}

/** A name cut before any parenthesis and to 24 characters, for a label. */
function shortName(name: string): string {
  const head = name.split(' (')[0];
  return head.length > 24 ? `${head.slice(0, 23)}…` : head;
}

function instant(t: number, start: string | null): string {
  return start === null ? formatDuration(t) : `${formatDuration(t)} (${clockAt(start, t).slice(0, 16).replace('T', ' ')})`;
}

/** Epoch milliseconds of the start and its UTC offset in minutes, for the time label. */
function clockOrigin(start: string | null): [number | null, number] {
  if (start === null) return [null, 0];
  const iso = clockAt(start, 0);
  const zone = /([+-])(\d{2}):(\d{2})$/.exec(iso);
  const offset = zone === null ? 0 : (zone[1] === '-' ? -1 : 1) * (Number(zone[2]) * 60 + Number(zone[3]));
  return [Date.parse(iso), offset];
}

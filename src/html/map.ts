// The network map at one instant, as an SVG string drawn at the width it will
// be shown (so its text stays legible on a phone): roads coloured by vehicles
// on them now (or the whole run's most vehicles at once, or delay), settlements by their
// state, time to clear or change from a baseline, origin queues, fleet vehicles,
// shelters and exits with the people there, the hazards in force, and labels
// placed by importance without overlaps. The legend is separate (map-legend.ts).

import { formatCount } from '../report/format.js';
import type { MapData, MapRoad, Point } from './map-data.js';
import { BADGE, badgePlaces } from './facilities.js';
import { frontClip, hazardArea, hazardMarks, hazardRoads } from './map-hazards.js';
import { placeLabels } from './map-labels.js';
import { destinationMark, evacuatedAt, fleetMark, fleetTagBox, originMark, type Project, settlementMark } from './map-marks.js';
import { instant } from './instant.js';
import { DELAY_CLASSES, QUEUE_CLASSES, classColor, clearanceClasses, largest, populationRadius, roadWidth } from './map-scales.js';
import { type MapView, instantIndex, resolveView } from './map-view.js';
import { MARK } from './palette.js';
import { el, num, pathOf, text } from './svg.js';

/** The tallest map, pixels: its marks get up to 568 of them, the rest is room above and below. */
const MAX_HEIGHT = 660;
const PAD = 24;
const MAX_LABELS = 150;
const IMPORTANT_LABELS = 8;
/** Height of the top band (time label) and bottom band (scale bar) kept free of labels. */
const BAND = 24;
/** The largest settlement circle's radius, pixels, and a little room around it. */
const MARK_RADIUS = 22;

/** The map as a standalone `<svg>` with id `view.id` (default "map"). */
export function renderMap(data: MapData, view: MapView = {}): string {
  const v = resolveView(data, view);
  const i = instantIndex(data.times, v.time);
  const time = Math.min(v.time, data.endTime);
  const frame = fit(data, v.width, v.zoom);
  const { project } = frame;
  const roadsById = new Map(data.roads.map((r) => [r.id, r]));
  const radius = populationRadius(largest(data.settlements.map((s) => s.population)), v.width < 500 ? 13 : 18);
  const queueSize = (n: number) => Math.min(26, 6 + 2 * Math.sqrt(n));
  const exitSize = exitScale(data);
  const names = new Map(data.settlements.map((s) => [s.at.join(','), s.name]));
  const badges = badgePlaces(data.settlements, project, radius);
  // The same for every settlement: worked out once (a map of a thousand towns would otherwise take seconds).
  const marking = {
    i, time, start: data.start, colouring: v.settlements, clearance: runClearance(data, v.baseline),
    before: v.baseline === null ? null : evacuatedAt(v.baseline, time, instantIndex),
  };

  const layers = [
    el('rect', { x: 0, y: 0, width: v.width, height: frame.height, fill: '#fbfbf8', stroke: MARK.grid }),
    el('g', { class: 'hazard-areas' }, data.hazards.map((h, k) => hazardArea(h, k, project, frame.k, v.id, time))),
    roadLayer(data, v.roads, i, project),
    el('g', { class: 'hazard-roads' }, data.hazards.map((h) => hazardRoads(h, roadsById, project, time))),
    el('g', { class: 'settlements' }, data.settlements
      .map((s, k) => ({ s, badge: badges.get(k) ?? null }))
      .sort((a, b) => b.s.population - a.s.population)
      .map(({ s, badge }) => settlementMark(s, project, radius(s.population), marking, badge))),
    el('g', { class: 'origin-queues' }, data.origins.map((o) => originMark(o, i, project, queueSize, names.get(o.at.join(',')) ?? o.node))),
    el('g', { class: 'fleet' }, data.roads.map((r) => fleetMark(r, i, project))),
    // Destinations over settlements: a big exit must not hide under a town.
    el('g', { class: 'destinations' }, data.destinations.map((d) => destinationMark(d, i, project, exitSize, time, data.start))),
    el('g', { class: 'hazard-marks' }, data.hazards.map((h) => hazardMarks(h, project, time))),
    labels(data, frame, radius, exitSize, v.width, badges),
    scaleBar(frame),
  ];
  const title = 'Map of the network, settlements, shelters and hazards';
  return el('svg', {
    id: v.id, class: 'map', viewBox: `0 0 ${v.width} ${num(frame.height)}`, width: v.width, height: num(frame.height),
    role: 'img', 'aria-label': title, 'data-time': data.times[i] ?? time, 'data-instant': i,
  },
    el('title', {}, text(title)),
    el('defs', {}, data.hazards.map((h, k) => frontClip(h, k, project, v.id))),
    ...layers,
    el('text', { x: 8, y: 18, class: 'map-time' }, text(`at ${instant(data.times[i] ?? time, data.start)}`)),
  );
}

interface Frame {
  height: number;
  /** Pixels per metre, zoom included. */
  k: number;
  project: Project;
}

/** Scales the data to `width` pixels, keeping its aspect, then applies the zoom. */
export function fit(data: MapData, width: number, zoom?: { x: number; y: number; k: number }): Frame {
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
  // Above and below the marks, room for a band (the time, the scale bar) and a mark's radius,
  // so the lowest place is neither drawn over the scale bar nor left without a label.
  const bands = 2 * (BAND + MARK_RADIUS - PAD);
  const base = Math.min((width - 2 * PAD) / dx, (MAX_HEIGHT - 2 * PAD - bands) / dy);
  const height = Math.max(dy * base + 2 * PAD + bands, Math.min(width * 0.6, 320));
  const ox = (width - dx * base) / 2;
  const oy = (height - dy * base) / 2;
  const z = zoom ?? { x: width / 2, y: height / 2, k: 1 };
  return {
    height,
    k: base * z.k,
    project: (p) => [
      width / 2 + (ox + (p[0] - minX) * base - z.x) * z.k,
      height / 2 + (oy + (maxY - p[1]) * base - z.y) * z.k,
    ],
  };
}

function roadLayer(data: MapData, colouring: 'now' | 'queue' | 'delay', i: number, project: Project): string {
  const now = colouring === 'now';
  const flowWidth = roadWidth(largest(data.roads.map((r) => largest(r.over?.passed ?? []))));
  const runWidth = roadWidth(largest(data.roads.map((r) => r.vehicles)));
  const onRoad = (r: MapRoad) => r.over?.onRoad[i] ?? 0;
  const busy = (r: MapRoad) => (now ? onRoad(r) : r.vehicles);
  const width = (r: MapRoad) => (now ? flowWidth(r.over?.passed[i] ?? 0) : runWidth(r.vehicles));
  const colour = (r: MapRoad) => {
    if (busy(r) === 0) return '#c8c8c8';
    if (colouring === 'delay') return classColor(DELAY_CLASSES, r.delayPerVehicle);
    const held = now ? onRoad(r) / Math.max(1, r.storage * Math.max(1, r.detail.length)) : r.storage > 0 ? r.peakQueue / r.storage : 0;
    return classColor(QUEUE_CLASSES, held);
  };
  // Busy roads last, so they are drawn over quiet ones.
  const order = [...data.roads].sort((a, b) => busy(a) - busy(b));
  const path = (r: MapRoad, stroke: string, strokeWidth: number, dash: string | null) => el('path', {
    d: pathOf(r.points.map(project)), fill: 'none', stroke, 'stroke-width': strokeWidth,
    'stroke-linecap': 'round', 'stroke-linejoin': 'round', 'stroke-dasharray': dash,
  });
  return el('g', { class: `roads roads-${colouring}` },
    el('g', { class: 'roads-base' }, order.map((r) => path(r, '#ffffff', width(r) + 2, null))),
    order.map((r) => el('g', { class: 'road', 'data-road': r.id, 'data-on-road': now ? onRoad(r) : null },
      el('title', {}, text([
        `${r.mode === 'rail' ? 'railway' : 'road'} ${r.id}`,
        ...(r.over === null ? [] : [`at the time shown: ${formatCount(onRoad(r))} vehicles on it, ${formatCount(r.over.passed[i])} passed in the last interval`]),
        ...r.detail,
      ].join('\n'))),
      path(r, colour(r), width(r), r.mode === 'rail' ? '7 3' : null))));
}

/** Clearance classes covering the longest clearance of the run and its baseline. */
export function runClearance(data: MapData, baseline: MapData | null) {
  const took = [data, ...(baseline === null ? [] : [baseline])].flatMap((d) => d.settlements.flatMap((s) =>
    s.clearance !== null && s.orderedAt !== null ? [s.clearance - s.orderedAt] : []));
  return clearanceClasses(largest(took));
}

function exitScale(data: MapData): (n: number) => number {
  const most = largest(data.destinations.map((d) => d.arrived));
  return (n) => 7 + (most > 0 ? 9 * Math.sqrt(n / most) : 0);
}

function labels(
  data: MapData, frame: Frame, radius: (population: number) => number, exitSize: (n: number) => number, width: number, badges: ReadonlyMap<number, Point>,
): string {
  // The marks at a place reach to the far side of the facility badges there (a town's label
  // goes past the badge of the care home at its node, too).
  const reach = new Map<string, number>();
  for (const [k, badge] of badges) {
    const s = data.settlements[k];
    const [x, y] = frame.project(s.at);
    const key = s.at.join(',');
    reach.set(key, Math.max(reach.get(key) ?? 0, Math.hypot(badge[0] - x, badge[1] - y) + BADGE * 0.71));
  }
  // Places by the people they concern: a settlement's population, a destination's arrivals.
  const requests = [
    ...data.settlements.map((s) => ({
      text: shortName(s.name), at: frame.project(s.at), radius: Math.max(radius(s.population) + 2, reach.get(s.at.join(',')) ?? 0), weight: s.population,
    })),
    ...data.destinations.map((d) => ({ text: shortName(d.name), at: frame.project(d.at), radius: exitSize(d.arrived), weight: d.arrived })),
  ]
    .filter((r) => r.at[0] >= 0 && r.at[0] <= width && r.at[1] >= 0 && r.at[1] <= frame.height)
    .sort((a, b) => b.weight - a.weight)
    .map((r, k) => ({ text: r.text, x: r.at[0], y: r.at[1] - BAND, radius: r.radius, important: k < IMPORTANT_LABELS }));
  // Only the biggest places can be labelled legibly; the cap keeps placement quick on large maps.
  // Labels keep out of the bands at the top (the time) and the bottom (the scale bar).
  // The labels stay put while the map plays: they keep clear of every fleet tag a road ever shows, at its widest.
  const tags = data.roads.flatMap((r) => {
    let most = 0;
    for (const n of r.over?.fleetOnRoad ?? []) if (n > most) most = n;
    if (most <= 0) return [];
    const [x, y, w, h] = fleetTagBox(r, most, frame.project);
    return [[x, y - BAND, w, h] as const];
  });
  const placed = placeLabels(requests.slice(0, MAX_LABELS), width, frame.height - 2 * BAND, tags);
  return el('g', { class: 'labels' }, placed.map((p) =>
    el('text', { x: p.x, y: p.y + BAND, 'text-anchor': p.anchor }, text(p.text))));
}

function scaleBar(frame: Frame): string {
  const target = 120 / frame.k;
  const magnitude = 10 ** Math.floor(Math.log10(target));
  const metres = [5, 2, 1].map((m) => m * magnitude).find((m) => m <= target) ?? magnitude;
  const px = metres * frame.k;
  const y = frame.height - 14;
  const label = metres >= 1000 ? `${formatCount(metres / 1000)} km` : `${formatCount(metres)} m`;
  return el('g', { class: 'scale-bar', transform: `translate(12,${num(y)})` },
    el('path', { d: `M0,-5V0H${num(px)}V-5`, fill: 'none', stroke: MARK.ink, 'stroke-width': 1.5 }),
    el('text', { x: px + 6, y: 0 }, text(label)));
}

/** A name cut before any parenthesis and to 24 characters, for a label. */
function shortName(name: string): string {
  const head = name.split(' (')[0];
  return head.length > 24 ? `${head.slice(0, 23)}…` : head;
}

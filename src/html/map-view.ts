// How the map is looked at: which instant, how roads and settlements are
// coloured, how wide it is drawn, where it is zoomed, and the run it is compared
// with. Plain data, so the report's script and the explorer keep it between
// redraws; `instantIndex` turns a time into the instant the map draws.

import type { MapData } from './map-data.js';

/** Road colouring: vehicles on the road at the instant, or the whole run's most vehicles at once (peakQueue) or delay. */
export type RoadColouring = 'now' | 'queue' | 'delay';

/** Settlement colouring: state at the instant, time to clear (whole run), or change from the baseline. */
export type SettlementColouring = 'state' | 'clearance' | 'change';

export interface MapView {
  /** Seconds from the start; the map shows the last instant of `MapData.times` at or before it. Default: the end. */
  time?: number;
  roads?: RoadColouring;
  settlements?: SettlementColouring;
  /** Width in pixels the map is drawn at (text stays 11 px and more at this width). Default 720. */
  width?: number;
  /** Zoom: `k` times, centred on (`x`, `y`) in the unzoomed map's pixels. */
  zoom?: { x: number; y: number; k: number };
  /** A run to compare with (same scenario's places, matched by id). */
  baseline?: MapData | null;
  /** Prefix of the ids inside the SVG, unique on its page. Default "map". */
  id?: string;
}

/** Index of the last of `times` (ascending) at or before `t`; 0 when `t` is before them all. */
export function instantIndex(times: readonly number[], t: number): number {
  let lo = 0;
  let hi = times.length - 1;
  if (hi < 0 || t >= times[hi]) return Math.max(hi, 0);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (times[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The colourings that apply to `data`: "now" only when traffic was traced, "change" only with a baseline. */
export function colourings(data: MapData, baseline: MapData | null): { roads: RoadColouring[]; settlements: SettlementColouring[] } {
  return {
    roads: data.traced ? ['now', 'queue', 'delay'] : ['queue', 'delay'],
    settlements: baseline === null ? ['state', 'clearance'] : ['state', 'clearance', 'change'],
  };
}

/** `view` with every default filled in for `data`. */
export function resolveView(data: MapData, view: MapView): Required<Omit<MapView, 'zoom' | 'baseline'>> & Pick<MapView, 'zoom'> & { baseline: MapData | null } {
  const baseline = view.baseline ?? null;
  const allowed = colourings(data, baseline);
  return {
    time: view.time ?? data.endTime,
    roads: view.roads !== undefined && allowed.roads.includes(view.roads) ? view.roads : allowed.roads[0],
    settlements: view.settlements !== undefined && allowed.settlements.includes(view.settlements) ? view.settlements : 'state',
    width: Math.max(280, Math.round(view.width ?? 720)),
    zoom: view.zoom,
    baseline,
    id: view.id ?? 'map',
  };
}

// Hazards on a timeline: closures and slowdowns become network-change events at
// their start and end; captures and advancing fronts become capture events per
// node. A front starts as a line and advances at a constant speed up to a depth;
// a node on its advancing side is captured when the front reaches it.
import type { Scenario } from '../scenario/types.js';
import { fileCoordinates, type Placement } from '../network/build-graph.js';
import type { CompiledNetwork } from '../network/compile.js';
import { sameSide } from '../network/geometry.js';

export interface TimedLinks {
  links: number[];
  from: number;
  until: number;
  factor: number;
}

/**
 * A timed change of some links' free speed, flow capacity and storage, each by
 * its own factor: weather, contraflow and traffic control points.
 */
export interface LinkChange {
  links: number[];
  from: number;
  until: number;
  speed: number;
  capacity: number;
  storage: number;
  /** Background traffic: vehicles per hour taken from each link's capacity in force (0 for the measures). */
  vehiclesPerHour: number;
  /** A contraflow's gain: the road's two directions join once, however many contraflows on it are in force. */
  joins?: boolean;
}

export interface HazardPlan {
  closures: TimedLinks[];
  slowdowns: TimedLinks[];
  /** Weather, contraflow and control: separate speed, capacity and storage factors per link. */
  linkChanges: LinkChange[];
  /** Instants at which the set of active closures and slowdowns changes. */
  changes: number[];
  /** Capture instants by node (Infinity when never captured). */
  captureAt: Float64Array;
}

/** Links of the named roads, both directions. */
function linksOf(net: CompiledNetwork, roads: string[]): number[] {
  const links: number[] = [];
  for (const road of roads) {
    for (const id of [road, `${road}:back`]) {
      const l = net.linkIndex.get(id);
      if (l !== undefined) links.push(l);
    }
  }
  return links;
}

/** Capture instant of each node under a front, or Infinity. */
export function frontCaptureTimes(
  front: Extract<Scenario['hazards'][number], { kind: 'front' }>,
  net: CompiledNetwork,
  place: Placement,
  coordinates: readonly (readonly [number, number])[],
): Float64Array {
  const line = front.line.map((p) => place.toPlanar(p));
  const towards = front.towards ? place.toPlanar(front.towards) : null;
  const distance = place.lineDistance(front.line);
  const speed = (front.speedKmPerDay * 1000) / 86400;
  const out = new Float64Array(net.nodeCount).fill(Infinity);
  for (let n = 0; n < net.nodeCount; n++) {
    const p: [number, number] = [net.nodeX[n], net.nodeY[n]];
    // Measured on the ground (great circles on a lat/lon map); the side, on the map.
    const d = distance(coordinates[n]);
    if (d > front.maxDepthKm * 1000) continue;
    if (towards !== null && d > 0 && !sameSide(p, towards, line)) continue;
    out[n] = speed > 0 ? front.from + d / speed : d === 0 ? front.from : Infinity;
  }
  return out;
}

export function planHazards(scenario: Scenario, net: CompiledNetwork, place: Placement): HazardPlan {
  const plan: HazardPlan = {
    closures: [],
    slowdowns: [],
    linkChanges: [],
    changes: [],
    captureAt: new Float64Array(net.nodeCount).fill(Infinity),
  };
  const capture = (node: number, at: number) => {
    if (at < plan.captureAt[node]) plan.captureAt[node] = at;
  };
  let coordinates: [number, number][] | undefined;
  for (const h of scenario.hazards) {
    if (h.kind === 'closure' || h.kind === 'slowdown') {
      const timed = {
        links: linksOf(net, h.roads),
        from: h.from,
        until: h.until ?? Infinity,
        factor: h.kind === 'slowdown' ? h.factor : 0,
      };
      (h.kind === 'closure' ? plan.closures : plan.slowdowns).push(timed);
      plan.changes.push(timed.from);
      if (timed.until !== Infinity) plan.changes.push(timed.until);
    } else if (h.kind === 'weather' || h.kind === 'contraflow' || h.kind === 'control') {
      const timed = measureChanges(scenario, net, h);
      // A loop, not push(...): weather over a large region changes more links than a call takes arguments.
      for (const t of timed.changes) plan.linkChanges.push(t);
      for (const t of timed.closures) plan.closures.push(t);
      for (const t of [...timed.changes, ...timed.closures]) {
        plan.changes.push(t.from);
        if (t.until !== Infinity) plan.changes.push(t.until);
      }
    } else if (h.kind === 'capture') {
      for (const node of h.nodes) capture(net.nodeIndex.get(node) as number, h.at);
      for (const id of h.settlements) {
        const s = scenario.settlements.find((x) => x.id === id);
        if (s) capture(net.nodeIndex.get(s.node) as number, h.at);
      }
    } else {
      coordinates ??= fileCoordinates(scenario, net.nodeIds);
      const times = frontCaptureTimes(h, net, place, coordinates);
      for (let n = 0; n < times.length; n++) capture(n, times[n]);
    }
  }
  for (const b of scenario.background ?? []) {
    const change = backgroundChange(net, b);
    plan.linkChanges.push(change);
    plan.changes.push(change.from);
    if (change.until !== Infinity) plan.changes.push(change.until);
  }
  plan.changes = [...new Set(plan.changes)].sort((a, b) => a - b);
  // Factors multiply, and background flows add up, in one order whatever the hazards'
  // listing: a product or sum of floats can differ in its last bit with the order
  // (0.1 × 0.7 × 0.3 = 0.020999999999999998, 0.3 × 0.7 × 0.1 = 0.021), and of two
  // contraflows on one direction the first in force is the one that joins its lanes.
  const byRank = (x: number, y: number) => net.linkRank[x] - net.linkRank[y];
  for (const c of [...plan.slowdowns, ...plan.linkChanges]) c.links.sort(byRank);
  plan.slowdowns.sort((a, b) => compareTimed(a, b, net) || compare(a.factor, b.factor));
  plan.linkChanges.sort((a, b) => compareTimed(a, b, net) || compareChange(a, b));
  return plan;
}

function compare(a: number, b: number): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders by start, end, then the links (by their ids, as `linkRank` sorts them). */
function compareTimed(a: { from: number; until: number; links: number[] }, b: { from: number; until: number; links: number[] }, net: CompiledNetwork): number {
  const byTime = compare(a.from, b.from) || compare(a.until, b.until) || compare(a.links.length, b.links.length);
  if (byTime !== 0) return byTime;
  for (let i = 0; i < a.links.length; i++) {
    const byLink = compare(net.linkRank[a.links[i]], net.linkRank[b.links[i]]);
    if (byLink !== 0) return byLink;
  }
  return 0;
}

function compareChange(a: LinkChange, b: LinkChange): number {
  return compare(a.speed, b.speed) || compare(a.capacity, b.capacity) || compare(a.storage, b.storage)
    || compare(a.vehiclesPerHour, b.vehiclesPerHour) || compare(a.joins ? 1 : 0, b.joins ? 1 : 0);
}

type Measure = Extract<Scenario['hazards'][number], { kind: 'weather' | 'contraflow' | 'control' }>;

/** The link changes (and, for contraflow, the closure) of a weather, contraflow or control hazard. */
function measureChanges(scenario: Scenario, net: CompiledNetwork, h: Measure): { changes: LinkChange[]; closures: TimedLinks[] } {
  const from = h.from;
  const until = h.until ?? Infinity;
  if (h.kind === 'weather') {
    const roads = new Set(h.roads);
    const classes = new Set<string>(h.classes);
    const everywhere = roads.size === 0 && classes.size === 0;
    const links: number[] = [];
    for (let l = 0; l < net.linkCount; l++) {
      const road = scenario.network.roads[net.linkRoad[l]];
      if (everywhere || roads.has(road.id) || classes.has(road.class)) links.push(l);
    }
    return { changes: [{ links, from, until, speed: h.speedFactor, capacity: h.capacityFactor, storage: 1, vehiclesPerHour: 0 }], closures: [] };
  }
  if (h.kind === 'control') {
    const links = h.roads.flatMap((road) => directedLinks(net, road, h.direction));
    return { changes: [{ links, from, until, speed: 1, capacity: h.capacityFactor, storage: 1, vehiclesPerHour: 0 }], closures: [] };
  }
  // Contraflow: the gaining direction takes the other's capacity and storage too.
  const gain = directedLinks(net, h.road, h.direction)[0];
  const lose = directedLinks(net, h.road, h.direction === 'forward' ? 'backward' : 'forward')[0];
  if (gain === undefined || lose === undefined) return { changes: [], closures: [] };
  return {
    changes: [{
      links: [gain], from, until, speed: 1,
      capacity: (net.linkCapacity[gain] + net.linkCapacity[lose]) / net.linkCapacity[gain],
      storage: (net.linkStorage[gain] + net.linkStorage[lose]) / net.linkStorage[gain],
      vehiclesPerHour: 0,
      joins: true,
    }],
    closures: [{ links: [lose], from, until, factor: 0 }],
  };
}

/** The link of `road` in `direction` (from → to is "forward"), or both. */
function directedLinks(net: CompiledNetwork, road: string, direction: 'forward' | 'backward' | 'both'): number[] {
  const ids = direction === 'forward' ? [road] : direction === 'backward' ? [`${road}:back`] : [road, `${road}:back`];
  return ids.map((id) => net.linkIndex.get(id)).filter((l): l is number => l !== undefined);
}

/**
 * The speed, capacity and storage factors of every link from the link changes
 * in force at `now`, and the background flow on it (vehicles per hour, summed);
 * null when the plan has none, so runs without them do no work.
 */
export function linkFactorsAt(
  plan: HazardPlan,
  now: number,
  links: number,
): { speed: Float64Array; capacity: Float64Array; storage: Float64Array; background: Float64Array } | null {
  if (plan.linkChanges.length === 0) return null;
  const speed = new Float64Array(links).fill(1);
  const capacity = new Float64Array(links).fill(1);
  const storage = new Float64Array(links).fill(1);
  const background = new Float64Array(links);
  let joined: Uint8Array | null = null;
  for (const c of plan.linkChanges) {
    if (!(c.from <= now && now < c.until)) continue;
    for (const l of c.links) {
      if (c.joins) {
        // A second contraflow on the same direction adds no lanes.
        joined ??= new Uint8Array(links);
        if (joined[l]) continue;
        joined[l] = 1;
      }
      speed[l] *= c.speed;
      capacity[l] *= c.capacity;
      storage[l] *= c.storage;
      background[l] += c.vehiclesPerHour;
    }
  }
  return { speed, capacity, storage, background };
}

/** Background traffic takes at most this share of a link's capacity, so evacuees always move. */
export const MAX_BACKGROUND_SHARE = 0.9;

/**
 * What background traffic of `vehiclesPerHour` leaves to the evacuees on a link whose
 * capacity in force (after every other hazard on it) is `capacity`: c − q, at least a tenth of c.
 */
export function leftByBackground(capacity: number, vehiclesPerHour: number): number {
  if (vehiclesPerHour <= 0) return capacity;
  return Math.max((1 - MAX_BACKGROUND_SHARE) * capacity, capacity - vehiclesPerHour);
}

/**
 * Background traffic as a timed flow on links: q vehicles per hour taken from the
 * capacity in force while it lasts (`leftByBackground`), whatever else changes it.
 */
function backgroundChange(net: CompiledNetwork, b: NonNullable<Scenario['background']>[number]): LinkChange {
  return {
    links: b.roads.flatMap((road) => directedLinks(net, road, b.direction)),
    from: b.from,
    until: b.until ?? Infinity,
    speed: 1,
    capacity: 1,
    storage: 1,
    vehiclesPerHour: b.vehiclesPerHour,
  };
}

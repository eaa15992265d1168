// Hazards on a timeline: closures and slowdowns become network-change events at
// their start and end; captures and advancing fronts become capture events per
// node. A front starts as a line and advances at a constant speed up to a depth;
// a node on its advancing side is captured when the front reaches it.
import type { Scenario } from '../scenario/types.js';
import type { Placement } from '../network/build-graph.js';
import type { CompiledNetwork } from '../network/compile.js';
import { polylineDistance, sameSide } from '../network/geometry.js';

export interface TimedLinks {
  links: number[];
  from: number;
  until: number;
  factor: number;
}

export interface HazardPlan {
  closures: TimedLinks[];
  slowdowns: TimedLinks[];
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
): Float64Array {
  const line = front.line.map((p) => place.toPlanar(p));
  const towards = front.towards ? place.toPlanar(front.towards) : null;
  const speed = (front.speedKmPerDay * 1000) / 86400;
  const out = new Float64Array(net.nodeCount).fill(Infinity);
  for (let n = 0; n < net.nodeCount; n++) {
    const p: [number, number] = [net.nodeX[n], net.nodeY[n]];
    const d = polylineDistance(p, line);
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
    changes: [],
    captureAt: new Float64Array(net.nodeCount).fill(Infinity),
  };
  const capture = (node: number, at: number) => {
    if (at < plan.captureAt[node]) plan.captureAt[node] = at;
  };
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
    } else if (h.kind === 'capture') {
      for (const node of h.nodes) capture(net.nodeIndex.get(node) as number, h.at);
      for (const id of h.settlements) {
        const s = scenario.settlements.find((x) => x.id === id);
        if (s) capture(net.nodeIndex.get(s.node) as number, h.at);
      }
    } else {
      const times = frontCaptureTimes(h, net, place);
      for (let n = 0; n < times.length; n++) capture(n, times[n]);
    }
  }
  plan.changes = [...new Set(plan.changes)].sort((a, b) => a - b);
  return plan;
}

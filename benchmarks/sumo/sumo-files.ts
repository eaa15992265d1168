// SUMO input files for evacsim scenarios (the generated corridor as one route, any
// compiled network with its cars as trips) and the readings of SUMO's outputs: plain
// text in, plain text out, so they are tested without SUMO installed.
import type { ScenarioFileInput } from '../../src/generate/types.js';
import type { CompiledNetwork } from '../../src/network/compile.js';

interface Road {
  id: string;
  from: string;
  to: string;
  lengthKm?: number;
  lanes?: number;
  speedKmh?: number | null;
}

function roads(s: ScenarioFileInput): Road[] {
  return (s.network as { roads: Road[] }).roads;
}

/** The nodes file: every node at its planar position, priority junctions. */
export function corridorNodes(s: ScenarioFileInput): string {
  const nodes = (s.network as { nodes: { id: string; x: number; y: number }[] }).nodes;
  const lines = nodes.map((n) => `  <node id="${n.id}" x="${n.x}" y="${n.y}" type="priority"/>`);
  return `<nodes>\n${lines.join('\n')}\n</nodes>\n`;
}

/** The edges file: each road with its lanes, speed (m/s) and length (m). */
export function corridorEdges(s: ScenarioFileInput): string {
  const lines = roads(s).map((r) => {
    if (r.speedKmh == null || r.lengthKm === undefined) throw new Error(`road ${r.id} needs lengthKm and speedKmh for SUMO`);
    return `  <edge id="${r.id}" from="${r.from}" to="${r.to}" numLanes="${r.lanes ?? 1}" speed="${(r.speedKmh / 3.6).toFixed(4)}" length="${r.lengthKm * 1000}"/>`;
  });
  return `<edges>\n${lines.join('\n')}\n</edges>\n`;
}

/**
 * The routes file: `vehicles` cars along the roads in file order (the corridor is one
 * chain), departing evenly over `spreadSeconds` at the start of the first road.
 */
export function corridorRoutes(s: ScenarioFileInput, vehicles: number, spreadSeconds: number): string {
  const edges = roads(s).map((r) => r.id).join(' ');
  const lines = [
    '<routes>',
    '  <vType id="car" length="5" minGap="2.5"/>',
    `  <route id="corridor" edges="${edges}"/>`,
  ];
  for (let i = 0; i < vehicles; i++) {
    const depart = ((i * spreadSeconds) / vehicles).toFixed(2);
    lines.push(`  <vehicle id="v${i}" type="car" route="corridor" depart="${depart}" departLane="best" departSpeed="max"/>`);
  }
  lines.push('</routes>');
  return `${lines.join('\n')}\n`;
}

/** Arrival times of every trip in a tripinfo file, ascending. */
export function tripArrivals(tripinfo: string): number[] {
  const times = Array.from(tripinfo.matchAll(/<tripinfo\b[^>]*?\sarrival="([-\d.]+)"/g), (m) => Number(m[1]));
  return times.sort((a, b) => a - b);
}

/** The time by which a share `p` (0–1] of the sorted arrivals had arrived (nearest rank). */
export function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

/** Vehicles per hour through the saturated bottleneck: arrivals between the 10th and 90th percentile. */
export function saturationFlow(sorted: readonly number[]): number {
  const a = quantile(sorted, 0.1);
  const b = quantile(sorted, 0.9);
  const between = Math.ceil(0.9 * sorted.length) - Math.ceil(0.1 * sorted.length);
  return (between * 3600) / (b - a);
}

/** The nodes file of a compiled network: every node at its planar position, priority junctions. */
export function networkNodes(net: CompiledNetwork): string {
  const lines: string[] = [];
  for (let n = 0; n < net.nodeCount; n++) lines.push(`  <node id="${net.nodeIds[n]}" x="${net.nodeX[n]}" y="${net.nodeY[n]}" type="priority"/>`);
  return `<nodes>\n${lines.join('\n')}\n</nodes>\n`;
}

/** A link's SUMO edge id: its id, `:` (of a two-way road's `<id>:back`) written `_`, which SUMO ids may not hold. */
export function edgeId(net: CompiledNetwork, link: number): string {
  return net.linkIds[link].replace(':', '_');
}

/** The edges file of a compiled network: each link (each direction of a two-way road) with its lanes, speed (m/s) and length (m). */
export function networkEdges(net: CompiledNetwork): string {
  const lines: string[] = [];
  for (let l = 0; l < net.linkCount; l++) {
    const [from, to] = [net.nodeIds[net.linkFrom[l]], net.nodeIds[net.linkTo[l]]];
    lines.push(`  <edge id="${edgeId(net, l)}" from="${from}" to="${to}" numLanes="${net.linkLanes[l]}" speed="${net.linkSpeed[l].toFixed(4)}" length="${net.linkLength[l]}"/>`);
  }
  return `<edges>\n${lines.join('\n')}\n</edges>\n`;
}

/** One car of the demand: when it is ready, where from and to (node indices), and the people in it. */
export interface CarTrip {
  id: string;
  depart: number;
  from: number;
  to: number;
  people: number;
}

/**
 * The trips file: each car from its settlement's junction to its destination's, departing
 * when it is ready (SUMO routes it, or duarouter does first: `--junction-taz`). A car
 * whose town is its destination makes no trip in SUMO (it has arrived when it is ready).
 */
export function junctionTrips(net: CompiledNetwork, trips: readonly CarTrip[]): string {
  const lines = ['<routes>', '  <vType id="car" length="5" minGap="2.5"/>'];
  for (const t of trips) {
    if (t.from === t.to) continue;
    const [from, to] = [net.nodeIds[t.from], net.nodeIds[t.to]];
    lines.push(`  <trip id="${t.id}" type="car" depart="${t.depart.toFixed(2)}" fromJunction="${from}" toJunction="${to}" departLane="best" departSpeed="max"/>`);
  }
  lines.push('</routes>');
  return `${lines.join('\n')}\n`;
}

/** Arrival time of every trip in a tripinfo file, by trip id. */
export function arrivalsById(tripinfo: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of tripinfo.matchAll(/<tripinfo\b[^>]*?\sid="([^"]+)"[^>]*?\sarrival="([-\d.]+)"/g)) out.set(m[1], Number(m[2]));
  return out;
}

/** Vehicles SUMO teleported (moved past a jam it judged stuck), from its statistic output; 0 when it names none. */
export function teleports(statistics: string): number {
  const m = /<teleports\b[^>]*?\stotal="(\d+)"/.exec(statistics);
  return m === null ? 0 : Number(m[1]);
}

/**
 * The time by which a share `p` (0–1] of the people had arrived: the first arrival at which
 * the people arrived reach p × all of them, as evacsim's clearance counts (src/report/clearance.ts).
 */
export function peopleQuantile(arrivals: readonly { time: number; people: number }[], p: number): number {
  const sorted = [...arrivals].sort((a, b) => a.time - b.time);
  const total = sorted.reduce((sum, a) => sum + a.people, 0);
  let arrived = 0;
  for (const a of sorted) {
    arrived += a.people;
    if (arrived * 100 >= Math.round(p * 100) * total) return a.time;
  }
  return NaN;
}

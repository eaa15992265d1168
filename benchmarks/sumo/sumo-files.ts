// SUMO input files for a generated evacsim scenario of one route (the corridor),
// and the readings of SUMO's tripinfo output: plain text in, plain text out, so
// they are tested without SUMO installed.
import type { ScenarioFileInput } from '../../src/generate/types.js';

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

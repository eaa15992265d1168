// A merge of queued roads for node-model tests: each approach P_i fed through F_i from
// its own settlement, into one road M to an exit; and the cars each approach sends onto
// M over an hour of steady flow.
//
//   o_i ──F_i (1 km, feed_i veh/h)──► a_i ──P_i (1 km, two lanes, c_i)──► m ──M (5 km, two lanes, merged)──► x
//
// All at 60 km/h; a feeder of 7,200 veh/h does not limit its approach.
import { simulate } from '../../src/simulation/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from './build.js';

export function mergeScenario(capacities: number[], feeds: number[], people: number[], merged = 1800): Scenario {
  const nodes = [{ id: 'm', x: 2000, y: 0 }, { id: 'x', x: 7000, y: 0 }];
  const roads = [road('M', 'm', 'x', { lengthKm: 5, lanes: 2, speedKmh: 60, capacityVehPerHour: merged })];
  capacities.forEach((c, i) => {
    nodes.push({ id: `o${i}`, x: 0, y: (i - 1) * 3000 }, { id: `a${i}`, x: 1000, y: (i - 1) * 3000 });
    roads.push(
      road(`F${i}`, `o${i}`, `a${i}`, { lengthKm: 1, lanes: 2, speedKmh: 60, capacityVehPerHour: feeds[i] }),
      road(`P${i}`, `a${i}`, 'm', { lengthKm: 1, lanes: 2, speedKmh: 60, capacityVehPerHour: c }),
    );
  });
  const settlements = capacities.map((_, i) => settlement(`o${i}`, `o${i}`, people[i]));
  return scenario({
    nodes: [], network: { nodes, roads }, settlements, shelters: [exit('x', 'x')],
    orders: [order(settlements.map((s) => s.id))], horizon: 100_000,
    routing: { mode: 'free-flow', periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 },
  });
}

/** Cars entering M from each approach in [1,200 s, 4,800 s): one hour of congestion. */
export function hourlyShares(s: Scenario): number[] {
  const counts = new Array<number>(s.settlements.length).fill(0);
  let lastLeft = -1;
  simulate(s, {
    trace: (l, _v, t, entering) => {
      if (!entering) lastLeft = l;
      else if (l === 0 && t >= 1200 && t < 4800) counts[(lastLeft - 2) / 2]++;
    },
  });
  return counts;
}

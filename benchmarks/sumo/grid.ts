// The generated street grid in SUMO's mesoscopic model and in evacsim, side by side:
// speed and clearance on a network of many routes (compare.ts has one). The grid's
// cars drive to its exits: the generator's shelters with places are left out, since a
// SUMO trip knows no shelter that fills. Each car leaves when evacsim's demand makes
// it ready (the same households and mobilization draws, from the scenario's seed) for
// the exit nearest its town by free-flow time; duarouter routes them on free-flow
// times, as evacsim's `free-flow` mode does, and `sumo --mesosim` drives them with
// SUMO's mesoscopic defaults. evacsim runs the same file whole (`evacsim run`, a fresh
// process) in its `free-flow` and `adaptive` modes, and once more with free-flow routes
// on roads given the capacity SUMO's lanes showed (SUMO meso has no capacity of a road's
// own: a short run through each kind of road measures it). Needs SUMO (`apt-get install
// sumo`); not run in CI.
//
//   npm run build && node dist/benchmarks/sumo/grid.js [--people 100000] [--seed 1] [--keep DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../src/generate/index.js';
import type { ScenarioFileInput } from '../../src/generate/types.js';
import { parseScenario } from '../../src/scenario/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { compileScenario, MODE_ROAD, type CompiledNetwork } from '../../src/network/compile.js';
import { freeFlowCosts, RouteSearch } from '../../src/network/routing.js';
import { NodeHeap } from '../../src/network/node-heap.js';
import { runDemand } from '../../src/demand/run-demand.js';
import { runEvacsim } from '../process.js';
import { table } from '../table.js';
import {
  arrivalsById, type CarTrip, corridorEdges, corridorNodes, corridorRoutes, junctionTrips, networkEdges, networkNodes, peopleQuantile,
  saturationFlow, teleports, tripArrivals,
} from './sumo-files.js';
import { ROAD_CLASSES } from '../../src/network/classes.js';
import { runSumoScript, type SumoOptions, sumoVersion, tool } from './tools.js';

/** The grid with its exits only (the shelters with places left out). */
function exitsOnly(generated: ScenarioFileInput): ScenarioFileInput {
  return { ...generated, shelters: generated.shelters.filter((s) => s.capacity == null) };
}

/** Every car of the run's demand, bound for the exit nearest its town by free-flow time. */
function carTrips(scenario: Scenario, net: CompiledNetwork): CarTrip[] {
  const root = new Int32Array(net.nodeCount);
  const search = new RouteSearch(net, undefined, undefined, new NodeHeap(), undefined, root);
  search.start(scenario.shelters.map((s) => net.nodeIndex.get(s.node) as number), freeFlowCosts(net, MODE_ROAD));
  search.finish();
  const { demand } = runDemand(scenario, scenario.seed);
  const town = scenario.settlements.map((s) => net.nodeIndex.get(s.node) as number);
  const trips: CarTrip[] = [];
  for (let k = 0; k < demand.count; k++) {
    if (!demand.car[k]) continue;
    const from = town[demand.settlement[k]];
    trips.push({ id: `c${k}`, depart: demand.ready[k], from, to: root[from], people: demand.people[k] });
  }
  return trips;
}

interface EvacsimRun {
  seconds: number;
  /** null where evacsim's run ended first. */
  clearance: { p50: number | null; p90: number | null; p100: number | null };
}

/**
 * SUMO meso's saturation flow, veh/h, through a road of `lanes` lanes at `speedKmh`, as
 * compare.ts measures it: 5,000 cars over half an hour, queued on a road twice as wide.
 */
function sumoFlow(lanes: number, speedKmh: number, dir: string): number {
  const node = (id: string, x: number) => ({ id, x, y: 0 });
  const chain = {
    network: {
      nodes: [node('a', 0), node('b', 2000), node('c', 2500), node('d', 4500)],
      roads: [
        { id: 'feed', from: 'a', to: 'b', lengthKm: 2, lanes: 2 * lanes, speedKmh: 100 },
        { id: 'bottleneck', from: 'b', to: 'c', lengthKm: 0.5, lanes, speedKmh },
        { id: 'away', from: 'c', to: 'd', lengthKm: 2, lanes: 2 * lanes, speedKmh: 100 },
      ],
    },
  } as unknown as ScenarioFileInput;
  const name = `flow-${lanes}-${speedKmh}`;
  writeFileSync(join(dir, `${name}.nod.xml`), corridorNodes(chain));
  writeFileSync(join(dir, `${name}.edg.xml`), corridorEdges(chain));
  writeFileSync(join(dir, `${name}.rou.xml`), corridorRoutes(chain, 5000, 1800));
  tool('netconvert', ['--node-files', `${name}.nod.xml`, '--edge-files', `${name}.edg.xml`, '--no-turnarounds', 'true', '-o', `${name}.net.xml`], dir);
  tool('sumo', ['--mesosim', 'true', '-n', `${name}.net.xml`, '-r', `${name}.rou.xml`, '--tripinfo-output', `${name}.xml`, '--no-step-log', 'true', '--no-warnings', 'true'], dir);
  return saturationFlow(tripArrivals(readFileSync(join(dir, `${name}.xml`), 'utf8')));
}

/** The grid with each road's capacity what SUMO meso lets through a road of its lanes and speed. */
function atSumoCapacities(generated: ScenarioFileInput, dir: string): { scenario: ScenarioFileInput; flows: string[] } {
  const flows = new Map<string, number>();
  const roads = (generated.network as { roads: { class: keyof typeof ROAD_CLASSES; lanes?: number; speedKmh?: number }[] }).roads.map((r) => {
    const [lanes, speed] = [r.lanes ?? 1, r.speedKmh ?? ROAD_CLASSES[r.class].speedKmh];
    const key = `${lanes} lane${lanes === 1 ? '' : 's'} at ${speed} km/h`;
    if (!flows.has(key)) flows.set(key, sumoFlow(lanes, speed, dir));
    return { ...r, capacityVehPerHour: Math.round(flows.get(key) as number) };
  });
  const scenario = { ...generated, network: { ...(generated.network as object), roads } } as ScenarioFileInput;
  return { scenario, flows: [...flows].map(([key, flow]) => `${key} ${Math.round(flow)} veh/h`) };
}

function evacsim(file: string): EvacsimRun {
  const run = runEvacsim(['run', file, '--json']);
  const summary = JSON.parse(run.out) as { clearance: EvacsimRun['clearance'] };
  return { seconds: run.seconds, clearance: summary.clearance };
}

function run(options: SumoOptions, dir: string): void {
  const generated = exitsOnly(generate('grid', { people: options.people, seed: options.seed }));
  const scenario = parseScenario(generated);
  const net = compileScenario(scenario);
  const trips = carTrips(scenario, net);
  writeFileSync(join(dir, 'grid.nod.xml'), networkNodes(net));
  writeFileSync(join(dir, 'grid.edg.xml'), networkEdges(net));
  writeFileSync(join(dir, 'grid.trips.xml'), junctionTrips(net, trips));
  // SUMO's files name a schema it would fetch from the web: no validation.
  const quiet = ['--xml-validation', 'never', '--no-step-log', 'true', '--no-warnings', 'true'];
  tool('netconvert', ['--node-files', 'grid.nod.xml', '--edge-files', 'grid.edg.xml', '-o', 'grid.net.xml', '--xml-validation', 'never'], dir);
  const routing = tool('duarouter', ['-n', 'grid.net.xml', '--route-files', 'grid.trips.xml', '--junction-taz', 'true', '-o', 'grid.rou.xml', ...quiet], dir);
  const driving = tool('sumo', [
    '--mesosim', 'true', '-n', 'grid.net.xml', '-r', 'grid.rou.xml', '--xml-validation.routes', 'never',
    '--tripinfo-output', 'tripinfo.xml', '--statistic-output', 'statistics.xml', ...quiet,
  ], dir);
  const arrived = arrivalsById(readFileSync(join(dir, 'tripinfo.xml'), 'utf8'));
  const teleported = teleports(readFileSync(join(dir, 'statistics.xml'), 'utf8'));
  // A car whose town is its exit has arrived once ready, in evacsim as here.
  const arrivals = trips.map((t) => ({ time: t.from === t.to ? t.depart : (arrived.get(t.id) ?? NaN), people: t.people }));
  const missing = arrivals.filter((a) => Number.isNaN(a.time)).length;
  if (missing > 0) throw new Error(`SUMO did not arrive ${missing} of ${trips.length} cars`);

  const files = { 'free-flow': join(dir, 'free-flow.json'), adaptive: join(dir, 'adaptive.json'), matched: join(dir, 'matched.json') };
  writeFileSync(files['free-flow'], JSON.stringify({ ...generated, routing: { mode: 'free-flow' } }));
  writeFileSync(files.adaptive, JSON.stringify({ ...generated, routing: { mode: 'adaptive' } }));
  const sumoRoads = atSumoCapacities(generated, dir);
  writeFileSync(files.matched, JSON.stringify({ ...sumoRoads.scenario, routing: { mode: 'free-flow' } }));
  const freeFlow = evacsim(files['free-flow']);
  const adaptive = evacsim(files.adaptive);
  const matched = evacsim(files.matched);

  const rows: string[][] = [];
  const s = (x: number | null) => (x === null ? 'not reached' : Math.round(x).toLocaleString('en-US'));
  const pct = (a: number | null, b: number) => (a === null ? '' : `${(((a - b) / b) * 100).toFixed(1)} %`);
  for (const [label, p, key] of [['t50', 0.5, 'p50'], ['t90', 0.9, 'p90'], ['t100', 1, 'p100']] as const) {
    const theirs = peopleQuantile(arrivals, p);
    const [f, a, m] = [freeFlow.clearance[key], adaptive.clearance[key], matched.clearance[key]];
    rows.push([label, s(theirs), s(f), pct(f, theirs), s(a), pct(a, theirs), s(m), pct(m, theirs)]);
  }
  const out = process.stdout;
  const cars = trips.length.toLocaleString('en-US');
  out.write(`${sumoVersion()}, mesoscopic defaults; grid of ${options.people.toLocaleString('en-US')} people (seed ${options.seed}), ${net.nodeCount.toLocaleString('en-US')} junctions, ${net.linkCount.toLocaleString('en-US')} links, ${cars} cars to ${scenario.shelters.length} exits; SUMO teleported ${teleported}\n\n`);
  out.write(`SUMO meso's saturation flows (measured as compare.ts does): ${sumoRoads.flows.join(', ')}\n\n`);
  const columns = ['clearance of people', 'SUMO meso s', 'evacsim free-flow s', 'vs SUMO', 'evacsim adaptive s', 'vs SUMO', "evacsim free-flow, SUMO's capacities s", 'vs SUMO'];
  out.write(table(columns, rows));
  out.write('\n');
  out.write(table(['wall time', 's'], [
    ['duarouter (routes on free-flow times)', routing.toFixed(2)],
    ['sumo --mesosim (routes given)', driving.toFixed(2)],
    ['SUMO, both', (routing + driving).toFixed(2)],
    ['evacsim run, free-flow (whole process)', freeFlow.seconds.toFixed(2)],
    ['evacsim run, adaptive (whole process)', adaptive.seconds.toFixed(2)],
  ]));
}

runSumoScript('grid', 100_000, run);

// The bottleneck corridor in SUMO's mesoscopic model and in evacsim, side by side:
// writes `evacsim generate corridor` as SUMO network and route files, runs
// netconvert and `sumo --mesosim`, measures the bottleneck's saturation flow from
// SUMO's arrivals, gives evacsim's bottleneck that capacity, and prints t50, t90 and
// t100 of both with their difference. Needs SUMO (`apt-get install sumo`); not run in CI.
//
//   npm run build && node dist/benchmarks/sumo/compare.js [--people 10000] [--keep DIR]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateCorridor } from '../../src/generate/corridor.js';
import type { ScenarioFileInput } from '../../src/generate/types.js';
import { parseScenario } from '../../src/scenario/index.js';
import { simulate } from '../../src/simulation/index.js';
import { clearance } from '../../src/report/clearance.js';
import { table } from '../table.js';
import { corridorNodes, corridorEdges, corridorRoutes, tripArrivals, quantile, saturationFlow } from './sumo-files.js';
import { runSumoScript, type SumoOptions, sumoVersion, tool } from './tools.js';

function run(options: SumoOptions, dir: string): void {
  const generated: ScenarioFileInput = generateCorridor({ people: options.people, seed: options.seed });
  writeFileSync(join(dir, 'corridor.nod.xml'), corridorNodes(generated));
  writeFileSync(join(dir, 'corridor.edg.xml'), corridorEdges(generated));
  writeFileSync(join(dir, 'corridor.rou.xml'), corridorRoutes(generated, options.people, 3600));
  tool('netconvert', ['--node-files', 'corridor.nod.xml', '--edge-files', 'corridor.edg.xml', '--no-turnarounds', 'true', '-o', 'corridor.net.xml'], dir);
  const sumoSeconds = tool('sumo', ['--mesosim', 'true', '-n', 'corridor.net.xml', '-r', 'corridor.rou.xml', '--tripinfo-output', 'tripinfo.xml', '--no-step-log', 'true', '--no-warnings', 'true'], dir);
  const arrivals = tripArrivals(readFileSync(join(dir, 'tripinfo.xml'), 'utf8'));
  if (arrivals.length !== options.people) throw new Error(`SUMO arrived ${arrivals.length} of ${options.people} vehicles`);
  const flow = saturationFlow(arrivals);

  // evacsim on the same corridor, its bottleneck at SUMO's measured saturation flow.
  const matched = structuredClone(generated) as ScenarioFileInput & { network: { roads: { id: string; capacityVehPerHour: number }[] } };
  const bottleneck = matched.network.roads.find((r) => r.id === 'bottleneck');
  if (bottleneck === undefined) throw new Error('the generated corridor has no road "bottleneck"');
  bottleneck.capacityVehPerHour = flow;
  const scenario = parseScenario(matched);
  const evacStart = performance.now();
  const result = simulate(scenario);
  const evacSeconds = (performance.now() - evacStart) / 1000;
  const ours = clearance(result);

  const rows: (string | number)[][] = [];
  const pct = (a: number, b: number) => `${(((a - b) / b) * 100).toFixed(1)} %`;
  for (const [label, p, key] of [['t50', 0.5, 'p50'], ['t90', 0.9, 'p90'], ['t100', 1, 'p100']] as const) {
    const theirs = quantile(arrivals, p);
    const mine = ours[key] ?? NaN;
    rows.push([label, Math.round(theirs).toLocaleString('en-US'), Math.round(mine).toLocaleString('en-US'), pct(mine, theirs)]);
  }
  const out = process.stdout;
  out.write(`${sumoVersion()}, mesoscopic defaults; ${options.people.toLocaleString('en-US')} vehicles departing evenly over the first hour\n`);
  out.write(`SUMO's bottleneck saturation flow (arrivals between the 10th and 90th percentile): ${flow.toFixed(0)} veh/h, given to evacsim's bottleneck\n\n`);
  out.write(table(['clearance', 'SUMO meso s', 'evacsim s', 'evacsim vs SUMO'], rows));
  out.write(`\nwall time: SUMO ${sumoSeconds.toFixed(1)} s (sumo process), evacsim ${evacSeconds.toFixed(2)} s (simulate)\n`);
}

runSumoScript('compare', 10_000, run);

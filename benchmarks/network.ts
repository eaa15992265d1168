// Network analysis at scale: `evacsim network <grid> --json` in a fresh process
// on generated street grids, whose every junction is a settlement: one search
// per settlement over the whole network, so the cost grows as settlements × links.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, scenarioJson } from '../src/generate/index.js';
import { runEvacsim } from './process.js';

export interface NetworkRow {
  people: number;
  nodes: number;
  settlements: number;
  links: number;
  seconds: number;
  maxRssBytes: number;
}

/** Analyses the `people` grid (seeded) in `dir`. */
export function networkRun(people: number, dir: string, seed = 1): NetworkRow {
  const file = join(dir, `network-grid-${people}.json`);
  const scenario = generate('grid', { people, seed });
  writeFileSync(file, scenarioJson(scenario));
  const run = runEvacsim(['network', file, '--json']);
  const analysis = JSON.parse(run.out) as { settlements: unknown[] };
  const links = scenario.network.roads.reduce((n, r) => n + (r.oneway ? 1 : 2), 0);
  return { people, nodes: scenario.network.nodes.length, settlements: analysis.settlements.length, links, seconds: run.seconds, maxRssBytes: run.maxRssBytes };
}

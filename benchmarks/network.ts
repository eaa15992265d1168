// Network analysis at scale: `evacsim network <file> --json` in a fresh process
// on generated scenarios: street grids, whose every junction is a settlement, and
// border regions (towns and villages on a sparse road network). One search per
// settlement over the whole network, so the cost grows as settlements × links.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, scenarioJson, type GeneratorKind } from '../src/generate/index.js';
import { runEvacsim } from './process.js';

export interface NetworkRow {
  kind: GeneratorKind;
  people: number;
  nodes: number;
  settlements: number;
  links: number;
  seconds: number;
  maxRssBytes: number;
}

/** Analyses the `kind` scenario of `people` (seeded) in `dir`. */
export function networkRun(kind: GeneratorKind, people: number, dir: string, seed = 1): NetworkRow {
  const file = join(dir, `network-${kind}-${people}.json`);
  const scenario = generate(kind, { people, seed });
  writeFileSync(file, scenarioJson(scenario));
  const run = runEvacsim(['network', file, '--json', '--quiet', '--allow-large']);
  const analysis = JSON.parse(run.out) as { settlements: unknown[] };
  const links = scenario.network.roads.reduce((n, r) => n + (r.oneway ? 1 : 2), 0);
  return { kind, people, nodes: scenario.network.nodes.length, settlements: analysis.settlements.length, links, seconds: run.seconds, maxRssBytes: run.maxRssBytes };
}

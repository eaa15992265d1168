// Scale: generated scenarios of growing size, each run as a user runs it
// (`evacsim run <file> --json --timing` in a fresh process): wall time with
// start-up, peak memory, events, vehicles, and simulation nanoseconds per link
// traversal, which stay flat when the cost is linear.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, scenarioJson, type GeneratorKind } from '../src/generate/index.js';
import type { Summary } from '../src/report/summary.js';
import { bestOf } from './process.js';

export interface ScaleRow {
  kind: GeneratorKind;
  people: number;
  nodes: number;
  roads: number;
  vehicles: number;
  events: number;
  linkTraversals: number;
  /** Whole process, spawn to exit. */
  seconds: number;
  /** simulate() alone, as reported by --timing. */
  simSeconds: number;
  maxRssBytes: number;
  /** simSeconds per link traversal, in nanoseconds. */
  nsPerTraversal: number;
  evacuated: number;
  /** Instant the last evacuee arrived, seconds; null when not everyone did. */
  clearance: number | null;
}

/** Generates the `kind` scenario for `people` (seeded) into `dir` and runs it; best of `repeat` runs. */
export function scaleRun(kind: GeneratorKind, people: number, dir: string, seed = 1, repeat = 1): ScaleRow {
  const file = join(dir, `${kind}-${people}.json`);
  const scenario = generate(kind, { people, seed });
  writeFileSync(file, scenarioJson(scenario));
  const run = bestOf(repeat, ['run', file, '--json', '--timing']);
  const summary = JSON.parse(run.out) as Summary;
  return {
    kind,
    people,
    nodes: scenario.network.nodes.length,
    roads: scenario.network.roads.length,
    vehicles: summary.vehicles.cars + summary.vehicles.fleet,
    events: summary.engine.events,
    linkTraversals: summary.engine.linkTraversals,
    seconds: run.seconds,
    simSeconds: summary.engine.wallSeconds,
    maxRssBytes: run.maxRssBytes,
    nsPerTraversal: (summary.engine.wallSeconds * 1e9) / Math.max(1, summary.engine.linkTraversals),
    evacuated: summary.people.evacuated,
    clearance: summary.clearance.p100,
  };
}

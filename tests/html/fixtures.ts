// A small scenario file for the report and explorer tests, written as a planner
// would (raw JSON), whose names try to break out of HTML: every one of them must
// come out of the report as text.
//
//   a (settlement "<script>…") ── b ── c (exit, shelter, bus depot)
//                                  │
//                                  d (settlement "O'Brien & <b>Sons</b>")
//   a front starts 1 km west of a and advances east; the b–d road closes for two hours.

import { parseScenario } from '../../src/scenario/parse.js';
import type { Scenario } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulation/simulate.js';
import { summarize } from '../../src/report/summary.js';

export const SCRIPT_NAME = '<script>alert(1)</script>';

export function rawScenario(): Record<string, unknown> {
  return {
    name: 'tiny <em>town</em>',
    description: 'A test case & its "quotes". Second sentence </p><script>alert(0)</script>.',
    seed: 3,
    horizon: '1d',
    households: { size: 2.5, carShare: 0.6 },
    network: {
      nodes: [
        { id: 'a', x: 0, y: 0 },
        { id: 'b', x: 5000, y: 0 },
        { id: 'c', x: 10000, y: 0 },
        { id: 'd', x: 5000, y: 5000 },
      ],
      roads: [
        { id: 'a-b', from: 'a', to: 'b', class: 'local' },
        { id: 'b-c', from: 'b', to: 'c', class: 'primary' },
        { id: 'b-d<x>', from: 'b', to: 'd', class: 'secondary' },
      ],
    },
    settlements: [
      { id: 's1', name: SCRIPT_NAME, node: 'a', population: 500, district: '"><img src=x onerror=alert(2)>', region: 'R&D' },
      { id: 's2', name: "O'Brien & <b>Sons</b>", node: 'd', population: 300, district: 'East' },
    ],
    shelters: [
      { id: 'exit', name: '</title><script>alert(3)</script>', node: 'c' },
      { id: 'hall', name: 'Hall <i>', node: 'c', capacity: 100 },
    ],
    orders: [{ at: 0, settlements: ['s1', 's2'], compliance: 0.8, mobilization: { kind: 'lognormal', median: '1h', shape: 1 } }],
    fleets: [{ id: 'buses', depot: 'c', vehicles: 3, seats: 40, boardingSecondsPerPerson: 3 }],
    hazards: [
      { kind: 'front', line: [[-1000, -5000], [-1000, 5000]], towards: [10000, 0], speedKmPerDay: 10, maxDepthKm: 3, from: 0 },
      { kind: 'closure', roads: ['b-d<x>'], from: '2h', until: '4h' },
    ],
    targets: [{ metric: 'people.evacuated', at: '6h', value: 300, tolerance: 0.2, note: '<script>alert(4)</script>' }],
  };
}

/** The fixture parsed, run and summarized. */
export function runFixture(raw: unknown = rawScenario()) {
  const scenario: Scenario = parseScenario(raw);
  const result = simulate(scenario);
  return { scenario, result, summary: summarize(result, scenario) };
}

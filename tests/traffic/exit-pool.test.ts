// The links' exit rings are given up front when they fit the pool's budget, and grow
// with each link's traffic otherwise (TrafficState.exitPool): memory for speed only,
// so every shipped scenario (long queues, a closed bridge, a capacity measure) and a
// queue that fills a short link again and again give the same results either way.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { simulate } from '../../src/simulation/index.js';
import type { Scenario } from '../../src/scenario/types.js';
import { summarize } from '../../src/report/summary.js';
import { linksCsv } from '../../src/report/csv.js';
import { parseScenario } from '../../src/scenario/parse.js';

function outputs(s: Scenario, exitPoolSlots?: number): string {
  const r = simulate(s, { exitPoolSlots });
  return [JSON.stringify(summarize(r, s)), linksCsv(r)].join('\n--\n');
}

/** Every link entry and exit, in order. */
function trace(s: Scenario, exitPoolSlots?: number): string {
  const steps: string[] = [];
  simulate(s, { exitPoolSlots, trace: (l, v, t, entering) => steps.push(`${l},${v},${t},${entering ? 1 : 0}`) });
  return steps.join('\n');
}

describe('exit pool', () => {
  it.each(readdirSync('scenarios').filter((f) => f.endsWith('.json')))('%s: same results with rings up front and grown', (file) => {
    const s = loadScenarioFile(join('scenarios', file));
    expect(outputs(s, 0)).toBe(outputs(s));
  });

  it('a short link filled by a long queue reads the exits of earlier laps the same way', () => {
    // 300 cars through a 100 m link (13 vehicles at jam) onto a 600 veh/h road: the short
    // link fills, and its wave condition reads exits from before its slice last grew.
    const s = parseScenario({
      name: 'short link',
      seed: 1,
      horizon: '6h',
      network: {
        nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 100, y: 0 }, { id: 'c', x: 5100, y: 0 }],
        roads: [
          { id: 'in', from: 'a', to: 'b', class: 'primary', lanes: 1, lengthKm: 0.1, capacityVehPerHour: 1800, oneway: true },
          { id: 'out', from: 'b', to: 'c', class: 'local', lanes: 1, lengthKm: 5, capacityVehPerHour: 600, oneway: true },
        ],
      },
      settlements: [{ id: 'town', node: 'a', population: 300 }],
      shelters: [{ id: 'safe', node: 'c' }],
      households: { size: 1, carShare: 1 },
      orders: [{ at: 0, settlements: ['town'], compliance: 1, mobilization: { kind: 'fixed', median: 0 } }],
    });
    expect(trace(s, 0)).toBe(trace(s));
    expect(simulate(s).engine.linkTraversals).toBe(600);
  });
});

// A link whose storage (length × lanes ÷ jam spacing) is beyond the traffic model's
// 32-bit counts holds as many vehicles as any run has: it takes vehicles like any
// link with room, instead of none at all.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { summarize } from '../../src/report/summary.js';
import type { RoadSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   o ──A (1 km, local: 40 km/h, 600 veh/h)──► x
// 10 cars released at once enter one every 6 s; the last enters at 54 s and arrives
// 90 s later, at 144 s, whatever the storage.
function corridor(a: Partial<RoadSpec>, jamSpacingM = 7.5): Scenario {
  return scenario({
    nodes: ['o', 'x'],
    network: { nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'x', x: 1000, y: 0 }], roads: [road('A', 'o', 'x', a)] },
    settlements: [settlement('o', 'o', 10)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'])],
    traffic: { jamSpacingM, waveSpeedKmh: {} },
  });
}

describe('a link that holds more than 2^31 vehicles at jam density', () => {
  it.each([
    ['a jam spacing of a nanometre (10^12 vehicles)', corridor({}, 1e-9)],
    ['a million lanes on a 20 km road (2.7 · 10^9 vehicles)', corridor({ lanes: 1_000_000, lengthKm: 20, speedKmh: 800, capacityVehPerHour: 600 })],
  ])('takes vehicles like any other: %s', (_name, s) => {
    const summary = summarize(simulate(s), s);
    expect(summary.people.evacuated).toBe(10);
    expect(summary.clearance.p100).toBeCloseTo(144, 9);
  });
});

// A road whose triangle cannot carry its stated capacity (a backward wave set slower
// than the triangle's own, or more flow than its lanes hold at jam spacing) carries
// the top of its triangle, jam / (length/v + length/w), at both ends: kinematic-wave
// theory lets no flow through above it, and `evacsim validate` says that is what it carries.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import type { RoadSpec, Scenario, TrafficSpec } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   o ──A (one lane)──► x, n cars released at once.
function corridor(a: Partial<RoadSpec>, cars: number, traffic: TrafficSpec = { jamSpacingM: 7.5, waveSpeedKmh: {} }): Scenario {
  return scenario({
    nodes: ['o', 'x'],
    network: { nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'x', x: 1000, y: 0 }], roads: [road('A', 'o', 'x', a)] },
    settlements: [settlement('o', 'o', cars)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'])],
    traffic,
  });
}

function entriesAndExits(s: Scenario): [number[], number[]] {
  const seen: [number[], number[]] = [[], []];
  simulate(s, { trace: (l, _v, t, entering) => { if (l === 0) seen[entering ? 0 : 1].push(t); } });
  return seen;
}

// 10 km at 90 km/h (400 s), 1,800 veh/h, jam 10,000 / 7.5 = 1,333.3 vehicles. A wave of
// 10 km/h (1,000 / 3.6 m/s, 3,600 s over the road): top 1,333.3 / (400 + 3,600) s = 1,200
// veh/h, one car every 3 s. Before, the first 1,333 entered and left 2 s apart.
const slowWave = { lengthKm: 10, speedKmh: 90, capacityVehPerHour: 1800 };

describe('a road whose triangle tops out below its capacity', () => {
  it.each([
    ['set on the road', corridor({ ...slowWave, waveSpeedKmh: 10 }, 1000)],
    ['set for its class', corridor(slowWave, 1000, { jamSpacingM: 7.5, waveSpeedKmh: { local: 10 } })],
  ])('a slow wave speed %s: 1,000 cars enter and leave 3 s apart, the last at 400 + 999 · 3 s', (_name, s) => {
    const [entries, exits] = entriesAndExits(s);
    expect(entries).toHaveLength(1000);
    for (const [k, t] of entries.entries()) expect(t).toBeCloseTo(3 * k, 6);
    for (const [k, t] of exits.entries()) expect(t).toBeCloseTo(400 + 3 * k, 6);
  });

  it('more flow than one lane holds at jam spacing: the wave is instant and the top is k_j · v', () => {
    // 1 km at 40 km/h (90 s), 6,000 veh/h: above k_j · v = (1 / 7.5 m) · (40 / 3.6 m/s) = 5,333.3 veh/h,
    // so the triangle has no congested branch, its wave is instant, and the road carries
    // 5,333.3 veh/h, one car every 0.675 s. Its 133 whole places fill by 89.1 s; from then a
    // car enters as one leaves, so each 133 cars leave 90 s after the 133 before them: the
    // 500th (the 101st of the fourth 133) at 4 · 90 + 100 · 0.675 = 427.5 s. (A wave at the
    // free speed, as before, carried half: one car every 1.35 s, the last at 763.65 s.)
    const [entries, exits] = entriesAndExits(corridor({ lengthKm: 1, speedKmh: 40, capacityVehPerHour: 6000 }, 500));
    for (let k = 1; k < 133; k++) expect(entries[k] - entries[k - 1]).toBeCloseTo(0.675, 9);
    expect(entries[133]).toBeCloseTo(exits[0], 9);
    expect(exits.at(-1)).toBeCloseTo(4 * 90 + 100 * 0.675, 6);
  });

  it('a wave faster than the triangle leaves the stated capacity as it is', () => {
    const [, exits] = entriesAndExits(corridor({ ...slowWave, waveSpeedKmh: 30 }, 1000));
    expect(exits.at(-1)).toBeCloseTo(400 + 999 * 2, 6);
  });
});

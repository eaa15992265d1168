// A special facility's demand: everyone told leaves, nobody has a car, nobody
// rides along or leaves unasked, and each person is ready on their own draw.
import { describe, expect, it } from 'vitest';
import { buildDemand } from '../../src/demand/households.js';
import { assignOrders } from '../../src/demand/orders.js';
import { placement } from '../../src/network/build-graph.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   a (the facility, then a town) ── b (exit); c: a settlement no order names
const base = (fields: Partial<Scenario> = {}) =>
  scenario({
    nodes: ['a', 'b', 'c'],
    network: { nodes: [{ id: 'a', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }, { id: 'c', x: 2000, y: 0 }], roads: [road('r', 'a', 'b')] },
    settlements: [
      settlement('home', 'a', 90, { facility: 'nursing-home', mobilization: { kind: 'uniform', median: 3600, shape: null } }),
      settlement('town', 'a', 90),
      settlement('quiet-home', 'c', 40, { facility: 'nursing-home' }),
      settlement('quiet-town', 'c', 40),
    ],
    shelters: [exit('b', 'b')],
    households: { size: 3, carShare: 0.5, rideShare: 1 },
    shadowShare: 0.5,
    orders: [order(['home', 'town'], { at: 60, compliance: 0.4, mobilization: { kind: 'fixed', median: 600, shape: null } })],
    ...fields,
  });

const demandOf = (s: Scenario) => buildDemand(s, assignOrders(s, placement(s)), s.seed);

/** Per settlement index: [households, people, cars] of its rows (shadow rows apart). */
function rowsBySettlement(s: Scenario) {
  const d = demandOf(s);
  const out = s.settlements.map(() => ({ households: 0, people: 0, cars: 0, ready: [] as number[] }));
  for (let k = 0; k < d.count; k++) {
    const o = out[d.settlement[k]];
    o.households++;
    o.people += d.people[k];
    o.cars += d.car[k];
    o.ready.push(d.ready[k]);
  }
  return { d, out };
}

describe('the demand of a special facility', () => {
  it('has everyone told leave one by one without a car, whatever the compliance and household parameters', () => {
    const { d, out } = rowsBySettlement(base());
    expect([d.told[0], d.complied[0]]).toEqual([90, 90]);
    expect(out[0]).toMatchObject({ households: 90, people: 90, cars: 0 });
    // The town beside it: round(90 × 0.4) = 36 people, 12 households of 3, 6 with cars, the 6 others riding along.
    expect([d.complied[1], out[1].households, out[1].people, out[1].cars]).toEqual([36, 6, 36, 6]);
  });

  it('is ready on the facility\'s own delay, one draw per person; the town on its order\'s', () => {
    const { out } = rowsBySettlement(base());
    // uniform on [0, 2 h] after the order at 60 s: 90 different instants within it.
    expect(new Set(out[0].ready).size).toBe(90);
    for (const t of out[0].ready) expect(t >= 60 && t <= 60 + 7200).toBe(true);
    expect(new Set(out[1].ready)).toEqual(new Set([660]));
  });

  it('leaves no shadow evacuees where no order names it, and ignores stochastic compliance', () => {
    const { d } = rowsBySettlement(base({ stochasticCompliance: true }));
    expect([d.shadow[2], d.shadow[3]]).toEqual([0, 20]);
    expect(d.complied[0]).toBe(90);
  });
});

// Household parameters per district and settlement, and ride-sharing: carless
// households that leave with neighbours add people to cars, not vehicles.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildDemand, carPeople, settlementHouseholds } from '../../src/demand/households.js';
import { householdsOf } from '../../src/demand/household-params.js';
import { assignOrders } from '../../src/demand/orders.js';
import { placement } from '../../src/network/build-graph.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

function threeTowns(households: Scenario['households']): Scenario {
  return scenario({
    nodes: ['a', 'b', 'c', 'x'],
    network: { nodes: ['a', 'b', 'c', 'x'].map((id, i) => ({ id, x: i * 1000, y: 0 })), roads: [road('r', 'a', 'x')] },
    settlements: [
      settlement('a', 'a', 100, { district: 'West' }),
      settlement('b', 'b', 100, { district: 'West', households: { carShare: 0.2 } }),
      settlement('c', 'c', 100, { district: 'East' }),
    ],
    shelters: [exit('x', 'x')],
    households,
    orders: [order(['a', 'b', 'c'])],
  });
}

const demandOf = (s: Scenario) => buildDemand(s, assignOrders(s, placement(s)), s.seed);

describe('householdsOf', () => {
  it('takes the settlement over its district over the scenario', () => {
    const s = threeTowns({ size: 2, carShare: 0.7, districts: { West: { carShare: 0.5, size: 4 } } });
    expect(householdsOf(s, 0)).toEqual({ size: 4, carShare: 0.5, rideShare: 0 });
    expect(householdsOf(s, 1)).toEqual({ size: 4, carShare: 0.2, rideShare: 0 });
    expect(householdsOf(s, 2)).toEqual({ size: 2, carShare: 0.7, rideShare: 0 });
  });

  it('sets the households and cars the demand builds for each settlement', () => {
    const s = threeTowns({ size: 2, carShare: 0.7, districts: { West: { carShare: 0.5, size: 4 } } });
    const d = demandOf(s);
    const cars = [0, 1, 2].map((i) => Array.from(d.car).filter((c, k) => c === 1 && d.settlement[k] === i).length);
    const households = [0, 1, 2].map((i) => Array.from(d.settlement).filter((x) => x === i).length);
    expect(households).toEqual([25, 25, 50]);
    expect(cars).toEqual([Math.floor(25 * 0.5), Math.floor(25 * 0.2), Math.floor(50 * 0.7)]);
  });
});

describe('shadow evacuees', () => {
  it('leave in households of their settlement\'s size, each by car', () => {
    // Only c is told; a (size 4 from West) and b (its own size 5) leave as shadow evacuees, 40 % of 100.
    const s = threeTowns({ size: 2, carShare: 0.7, districts: { West: { size: 4 } } });
    s.settlements[1].households = { size: 5 };
    s.orders = [order(['c'])];
    s.shadowShare = 0.4;
    const d = demandOf(s);
    const shadowCars = [0, 1].map((i) => Array.from(d.settlement).filter((x, k) => x === i && d.isShadow[k] === 1 && d.car[k] === 1).length);
    expect(shadowCars).toEqual([10, 8]);
  });
});

describe('ride-sharing', () => {
  it('folds a share of the carless households into the cars: same vehicles, more people in them', () => {
    const alone = settlementHouseholds(100, { size: 2, carShare: 0.5, rideShare: 0 });
    const shared = settlementHouseholds(100, { size: 2, carShare: 0.5, rideShare: 0.5 });
    const count = (h: typeof alone) => h.car.filter(Boolean).length;
    expect(count(shared)).toBe(count(alone));
    expect(carPeople(100, { size: 2, carShare: 0.5, rideShare: 0 })).toBe(50);
    // 25 carless households of 2; half of them (12) ride along.
    expect(carPeople(100, { size: 2, carShare: 0.5, rideShare: 0.5 })).toBe(50 + 12 * 2);
  });

  it('without cars nobody can ride along', () => {
    expect(carPeople(100, { size: 2, carShare: 0, rideShare: 1 })).toBe(0);
  });

  it('keeps everyone, and never adds a vehicle (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.double({ min: 1, max: 6, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (leaving, size, carShare, rideShare) => {
          const shared = settlementHouseholds(leaving, { size, carShare, rideShare });
          const alone = settlementHouseholds(leaving, { size, carShare, rideShare: 0 });
          expect(shared.people.reduce((a, b) => a + b, 0)).toBe(leaving);
          expect(shared.car.filter(Boolean).length).toBe(alone.car.filter(Boolean).length);
          expect(carPeople(leaving, { size, carShare, rideShare })).toBeGreaterThanOrEqual(carPeople(leaving, { size, carShare, rideShare: 0 }));
        },
      ),
    );
  });

  it('the demand carries the riders in the cars', () => {
    const d = demandOf(threeTowns({ size: 2, carShare: 0.5, rideShare: 1 }));
    // Every settlement has cars, so with rideShare 1 every carless household rides along.
    expect(Array.from(d.car).every((c) => c === 1)).toBe(true);
    expect(Array.from(d.people).reduce((a, b) => a + b, 0)).toBe(300);
    // Cars: 25 of 50 households in a and c, 10 of 50 in b (its own carShare 0.2).
    expect(d.cars).toBe(25 + 10 + 25);
  });
});

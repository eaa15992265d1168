// Heads that wait for a busy link: the approach's next vehicle waits on without an
// event of its own (the link's admission comes when the first approach may go), yet
// every waiting head still decides again when the open destinations change.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const freeFlow = { mode: 'free-flow' as const, periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 };

describe('heads waiting behind a bottleneck', () => {
  //   o ──A (1 km, 3,600 veh/h)──► a ──B (1 km, 600 veh/h)──► x
  it('cost one event per car and link: admitted onto A, admitted onto B, arrived', () => {
    const cars = 1000;
    const r = simulate(scenario({
      nodes: ['o', 'a', 'x'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'a', x: 1000, y: 0 }, { id: 'x', x: 2000, y: 0 }],
        roads: [
          road('A', 'o', 'a', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 3600 }),
          road('B', 'a', 'x', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 600 }),
        ],
      },
      settlements: [settlement('o', 'o', cars)],
      shelters: [exit('x', 'x')],
      orders: [order(['o'])],
      routing: freeFlow,
    }));
    expect(r.vehicles.arrived).toBe(cars);
    expect(r.engine.linkTraversals).toBe(2 * cars);
    // A head event for each car that waits would make it five events a car.
    expect(r.engine.events).toBeLessThanOrEqual(3 * cars + 30);
  });
});

describe('a shelter that fills while heads wait for the road to it', () => {
  //   o ──in (3,600 veh/h)──► a ──toS1 (1 km, 600 veh/h)──► s1 (room for 100) ──on (3 km)──► s2
  //                           a ──toS2 (3 km, 600 veh/h)──────────────────────────────────► s2
  it('sends no car onto the road to it once it is full: the waiting head turns at once', () => {
    const s = scenario({
      nodes: ['o', 'a', 's1', 's2'],
      network: {
        nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'a', x: 1000, y: 0 }, { id: 's1', x: 2000, y: 0 }, { id: 's2', x: 2000, y: 2000 }],
        roads: [
          road('in', 'o', 'a', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 3600 }),
          road('toS1', 'a', 's1', { lengthKm: 1, speedKmh: 60, capacityVehPerHour: 600 }),
          road('toS2', 'a', 's2', { lengthKm: 3, speedKmh: 60, capacityVehPerHour: 600 }),
          road('on', 's1', 's2', { lengthKm: 3, speedKmh: 60, capacityVehPerHour: 600 }),
        ],
      },
      settlements: [settlement('o', 'o', 400)],
      shelters: [exit('s1', 's1', 100), exit('s2', 's2')],
      orders: [order(['o'])],
      routing: freeFlow,
    });
    const toS1 = 1;
    const entries: number[] = [];
    const exits: number[] = [];
    const r = simulate(s, {
      trace: (link, _car, time, entering) => {
        if (link === toS1) (entering ? entries : exits).push(time);
      },
    });
    expect(r.vehicles.arrived).toBe(400);
    // The 100th car off toS1 fills s1. The cars on toS1 then are turned away and go on to
    // s2; the head waiting at a to enter toS1 turns to toS2 at that instant, before the
    // place the filling car freed on toS1 is given to anyone.
    const full = exits[99];
    expect(entries.filter((t) => t >= full)).toEqual([]);
    const turnedAway = entries.length - 100;
    expect(turnedAway).toBeGreaterThan(0);
  });
});

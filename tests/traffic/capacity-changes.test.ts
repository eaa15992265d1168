// A link's capacity changed while vehicles queue at its ends (traffic control,
// weather, slowdowns, background traffic, contraflow): entries and exits follow the
// headway in force at each instant, at the earliest instant it allows, also when the
// headway shrinks while a head waits out the old, longer one.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import type { HazardSpec, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';
import { expectSame } from '../helpers/loop-expect.js';
import { driveEnd } from '../helpers/drive.js';

//   o ──B (10 km, 36 km/h, 600 veh/h, storage 1,333)──► x
// Free-flow time 1,000 s. Its storage never binds for the cars used here, so each
// entry and exit waits only for its headway (and an exit for its free-flow time).
const CAPACITY = 600;
const FREE_TIME = 1000;

function oneLink(cars: number, hazards: HazardSpec[]): Scenario {
  return scenario({
    nodes: ['o', 'x'],
    network: {
      nodes: [{ id: 'o', x: 0, y: 0 }, { id: 'x', x: 10_000, y: 0 }],
      roads: [road('B', 'o', 'x', { lengthKm: 10, speedKmh: 36, capacityVehPerHour: CAPACITY })],
    },
    settlements: [settlement('o', 'o', cars)],
    shelters: [exit('x', 'x')],
    orders: [order(['o'])],
    hazards,
    routing: { mode: 'free-flow', periodSeconds: 120, smoothing: 0.5, iterations: 1, binSeconds: 300 },
  });
}

function entriesAndExits(s: Scenario): { entries: number[]; exits: number[] } {
  const entries: number[] = [];
  const exits: number[] = [];
  simulate(s, { trace: (l, _v, t, entering) => { if (l === 0) (entering ? entries : exits).push(t); } });
  return { entries, exits };
}

interface Control {
  from: number;
  until: number;
  factor: number;
  /** A slowdown: speed × factor as well, for every vehicle on the link while it is in force. */
  slows: boolean;
}

/** The headway in force at `t`: 3600 over the capacity times every factor in force. */
function headwayAt(controls: readonly Control[], t: number): number {
  let factor = 1;
  for (const c of controls) if (c.from <= t && t < c.until) factor *= c.factor;
  return 3600 / (CAPACITY * factor);
}

/** When a vehicle entering at `t` reaches the link's end, at the speed of the slowdowns in force as it drives. */
function freeArrival(controls: readonly Control[], t: number): number {
  const factorAt = (at: number) => {
    let factor = 1;
    for (const c of controls) if (c.slows && c.from <= at && at < c.until) factor *= c.factor;
    return factor;
  };
  return driveEnd(t, FREE_TIME, 1, factorAt, controls.flatMap((c) => (c.slows ? [c.from, c.until] : [])));
}

/** The earliest t ≥ at with t ≥ previous + headway in force at t. */
function earliest(controls: readonly Control[], at: number, previous: number): number {
  const changes = controls.flatMap((c) => [c.from, c.until]).filter((t) => t > at).sort((a, b) => a - b);
  let start = at;
  for (const end of [...changes, Infinity]) {
    const t = Math.max(start, previous + headwayAt(controls, start));
    if (t < end) return t;
    start = end;
  }
  return Infinity;
}

describe('capacity changed while a queue stands at the link', () => {
  it('a head waiting out the old headway leaves as soon as the raised capacity allows', () => {
    // A control point takes B to a tenth of its capacity (one car a minute) from 1,000 s,
    // while the cars that entered one every 6 s are on it: they queue at its end and
    // leave 60 s apart. At 1,501 s the control ends; the head that left last did so
    // at 1,480 s, so the next may leave at once (1,480 + 6 < 1,501) and the rest follow
    // 6 s apart, not after the old minute.
    const { exits } = entriesAndExits(oneLink(200, [
      { kind: 'control', roads: ['B'], capacityFactor: 0.1, direction: 'both', from: 1000, until: 1501 },
    ]));
    const k = exits.findIndex((t) => t > 1501 - 1e-9);
    expect(exits.slice(k - 3, k)).toEqual([1360, 1420, 1480]);
    expect(exits.slice(k, k + 4)).toEqual([1501, 1507, 1513, 1519]);
  });

  it('on random capacity changes and slowdowns, every entry and exit comes at the earliest instant the headway in force allows', () => {
    const control = fc.record({
      from: fc.integer({ min: 0, max: 3000 }),
      length: fc.integer({ min: 1, max: 1500 }),
      factor: fc.constantFrom(0.1, 0.25, 0.5, 0.8, 1.5, 2, 3),
      slows: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(control, { minLength: 1, maxLength: 4 }), fc.integer({ min: 20, max: 300 }), (drawn, cars) => {
        // Odd instants (.123 s) keep changes off the instants vehicles move at.
        // A slowdown slows as well (a factor of at most 1).
        const controls = drawn.map((c) => ({
          from: c.from + 0.123, until: c.from + c.length + 0.123, slows: c.slows, factor: c.slows ? Math.min(1, c.factor) : c.factor,
        }));
        const { entries, exits } = entriesAndExits(oneLink(cars, controls.map((c): HazardSpec => c.slows
          ? { kind: 'slowdown', roads: ['B'], factor: c.factor, from: c.from, until: c.until }
          : { kind: 'control', roads: ['B'], capacityFactor: c.factor, direction: 'both', from: c.from, until: c.until })));
        expect(entries).toHaveLength(cars);
        expect(exits).toHaveLength(cars);
        let entered = -Infinity;
        let left = -Infinity;
        for (let k = 0; k < cars; k++) {
          entered = earliest(controls, k === 0 ? 0 : entered, entered);
          left = earliest(controls, Math.max(freeArrival(controls, entered), left), left);
          expectSame(Math.abs(entries[k] - entered) < 1e-6, true);
          expectSame(Math.abs(exits[k] - left) < 1e-6, true);
        }
      }),
      { numRuns: 150 },
    );
  });
});

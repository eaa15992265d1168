// The parked vehicles of each fleet against a plain array per fleet (the structure
// it replaced): same order, same answers, for any sequence of operations.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { IdleQueue } from '../../src/logistics/idle-queue.js';
import { expectSame } from '../helpers/loop-expect.js';

const FLEETS = 3;
const VEHICLES = 12;
const fleetOf = (v: number) => v % FLEETS;

type Op = { kind: 'push'; v: number } | { kind: 'remove'; v: number } | { kind: 'shift'; f: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('push' as const), v: fc.nat(VEHICLES - 1) }),
  fc.record({ kind: fc.constant('remove' as const), v: fc.nat(VEHICLES - 1) }),
  fc.record({ kind: fc.constant('shift' as const), f: fc.nat(FLEETS - 1) }),
);

describe('IdleQueue', () => {
  it('parks, walks, takes the longest parked and removes exactly as an array per fleet does', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
        const q = new IdleQueue(FLEETS, VEHICLES);
        const model: number[][] = Array.from({ length: FLEETS }, () => []);
        for (const o of ops) {
          if (o.kind === 'push') {
            q.push(fleetOf(o.v), o.v);
            if (!model[fleetOf(o.v)].includes(o.v)) model[fleetOf(o.v)].push(o.v);
          } else if (o.kind === 'remove') {
            q.remove(fleetOf(o.v), o.v);
            const i = model[fleetOf(o.v)].indexOf(o.v);
            if (i >= 0) model[fleetOf(o.v)].splice(i, 1);
          } else {
            expectSame(q.shift(o.f), model[o.f].shift() ?? -1);
          }
          for (let f = 0; f < FLEETS; f++) expectSame(q.size(f), model[f].length);
          for (let v = 0; v < VEHICLES; v++) expectSame(q.has(v), model[fleetOf(v)].includes(v));
        }
        // Walking a fleet from its first vehicle gives the model's order without taking any.
        for (let f = 0; f < FLEETS; f++) {
          const walked: number[] = [];
          for (let v = q.first(f); v >= 0; v = q.after(v)) walked.push(v);
          expect(walked).toEqual(model[f]);
        }
        // Draining gives every fleet's vehicles in the model's order.
        for (let f = 0; f < FLEETS; f++) {
          const drained: number[] = [];
          for (let v = q.shift(f); v >= 0; v = q.shift(f)) drained.push(v);
          expect(drained).toEqual(model[f]);
        }
      }),
      { seed: 12, numRuns: 300 },
    );
  });

  it('a vehicle parked twice is parked once', () => {
    const q = new IdleQueue(1, 2);
    q.push(0, 1);
    q.push(0, 0);
    q.push(0, 1);
    expect(q.size(0)).toBe(2);
    expect([q.shift(0), q.shift(0), q.shift(0)]).toEqual([1, 0, -1]);
  });
});

// The clock dispatches in exactly (time, scheduling order), wherever it keeps an
// event: the due-now ring or the heap; events scheduled first run before every
// other event of their instant, those scheduled to come last after. Checked against
// a naive model, a list kept stably sorted by (time, lane), with events scheduled
// from inside dispatch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Clock } from '../../src/engine/clock.js';

/** What a handler schedules when event `payload` runs: [delay, −1 in order, −2 to come last or −3 first] pairs. */
type Plan = Map<number, [number, number][]>;

function dispatchOrder(initial: [number, number][], plan: Plan): number[] {
  const clock = new Clock(2);
  let next = 0;
  const schedule = (delay: number, lane: number) => {
    const payload = next++;
    if (lane === LAST) clock.scheduleLast(clock.now + delay, payload);
    else if (lane === FIRST) clock.scheduleFirst(clock.now + delay, payload);
    else clock.schedule(clock.now + delay, payload);
  };
  for (const [delay, lane] of initial) schedule(delay, lane);
  const seen: number[] = [];
  clock.run(Infinity, (payload) => {
    seen.push(payload);
    for (const [delay, lane] of plan.get(payload) ?? []) schedule(delay, lane);
  });
  return seen;
}

function modelOrder(initial: [number, number][], plan: Plan): number[] {
  const pending: { time: number; last: number; payload: number }[] = [];
  let next = 0;
  let now = 0;
  const schedule = (delay: number, lane: number) => {
    pending.push({ time: now + delay, last: lane === LAST ? 1 : lane === FIRST ? -1 : 0, payload: next++ });
    pending.sort((a, b) => a.time - b.time || a.last - b.last);
  };
  for (const [delay, lane] of initial) schedule(delay, lane);
  const seen: number[] = [];
  while (pending.length > 0) {
    const e = pending.shift() as { time: number; payload: number };
    now = e.time;
    seen.push(e.payload);
    for (const [delay, lane] of plan.get(e.payload) ?? []) schedule(delay, lane);
  }
  return seen;
}

const LAST = -2;
const FIRST = -3;
const step = fc.tuple(fc.constantFrom(0, 0, 0.5, 1, 2, 3, 10), fc.constantFrom(-1, -1, LAST, FIRST));

describe('Clock order', () => {
  it('dispatches like a stable sort by (time, lane), with first, due, heap and last events mixed', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 10 }),
        fc.array(fc.array(step, { maxLength: 3 }), { maxLength: 60 }),
        (initial, handlers) => {
          const plan: Plan = new Map(handlers.map((h, i) => [i, h]));
          expect(dispatchOrder(initial, plan)).toEqual(modelOrder(initial, plan));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('runs an event scheduled last after the events its instant gains while it waits', () => {
    const clock = new Clock(16);
    clock.scheduleLast(5, 1);
    clock.schedule(5, 2);
    const seen: number[] = [];
    clock.run(10, (p) => {
      seen.push(p);
      if (p === 2) clock.schedule(5, 3);
      if (p === 1) clock.scheduleLast(5, 4);
      if (p === 4) clock.schedule(5, 5);
    });
    expect(seen).toEqual([2, 3, 1, 4, 5]);
  });

  it('stops at until with events left, and resumes', () => {
    const clock = new Clock(16);
    clock.schedule(20, 1);
    clock.schedule(5, 2);
    const seen: number[] = [];
    expect(clock.run(10, (p) => seen.push(p))).toBe(10);
    expect(clock.size).toBe(1);
    clock.run(30, (p) => seen.push(p));
    expect(seen).toEqual([2, 1]);
    expect(clock.now).toBe(20);
  });

  it('stops after the event that asks, at its instant, with later events left', () => {
    const clock = new Clock(16);
    clock.schedule(5, 1);
    clock.schedule(8, 2);
    const seen: number[] = [];
    expect(clock.run(100, (p) => {
      seen.push(p);
      clock.stop();
    })).toBe(5);
    expect(seen).toEqual([1]);
    expect(clock.now).toBe(5);
    expect(clock.size).toBe(1);
  });
});

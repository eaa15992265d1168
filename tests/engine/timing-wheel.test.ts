import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { TimingWheel } from '../../src/engine/timing-wheel.js';

// The model: every event pushed, kept sorted by (time, seq) as one heap of them all would pop them.
type Event = { time: number; seq: number; payload: number };
type Model = { events: Event[]; now: number; seq: number };

/** Pushes at `now + delay`: as the clock does, never before the last time popped or peeked. */
class Push implements fc.Command<Model, TimingWheel> {
  constructor(readonly delay: number, readonly payload: number) {}
  check = () => true;
  run(model: Model, wheel: TimingWheel): void {
    const time = model.now + this.delay;
    const seq = model.seq++;
    wheel.pushSequenced(time, seq, this.payload);
    model.events.push({ time, seq, payload: this.payload });
    model.events.sort((a, b) => a.time - b.time || a.seq - b.seq);
    expect(wheel.size).toBe(model.events.length);
  }
  toString = () => `push(+${this.delay}, ${this.payload})`;
}

class Pop implements fc.Command<Model, TimingWheel> {
  check = () => true;
  run(model: Model, wheel: TimingWheel): void {
    const expected = model.events.shift();
    expect(wheel.peekTime()).toBe(expected ? expected.time : Infinity);
    expect(wheel.pop()).toBe(expected?.payload);
    if (expected && expected.time !== Infinity) model.now = expected.time;
    expect(wheel.size).toBe(model.events.length);
  }
  toString = () => 'pop()';
}

/** Looks at the earliest time and lets the clock stop short of it, as `Clock.run(until)` does. */
class StopBefore implements fc.Command<Model, TimingWheel> {
  constructor(readonly fraction: number) {}
  check = () => true;
  run(model: Model, wheel: TimingWheel): void {
    const next = wheel.peekTime();
    expect(next).toBe(model.events[0]?.time ?? Infinity);
    if (Number.isFinite(next)) model.now += (next - model.now) * this.fraction;
  }
  toString = () => `stopBefore(${this.fraction})`;
}

// Delays from the same instant to past the wheel's 128 s, in steps finer and coarser than a bucket.
const delay = fc.oneof(
  fc.constant(0),
  fc.integer({ min: 0, max: 64 }).map((k) => k / 128),
  fc.integer({ min: 0, max: 300 }),
  fc.integer({ min: 0, max: 5000 }).map((k) => k * 0.37),
  fc.constant(Infinity),
);

describe('TimingWheel', () => {
  it('pops in (time, sequence) order like one heap of every event (model-based)', () => {
    const commands = [
      fc.tuple(delay, fc.integer({ min: -1000, max: 1000 })).map(([d, p]) => new Push(d, p)),
      fc.constant(new Pop()),
      fc.integer({ min: 0, max: 4 }).map((k) => new StopBefore(k / 4)),
    ];
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 400 }), (cmds) => {
        fc.modelRun(() => ({ model: { events: [], now: 0, seq: 0 }, real: new TimingWheel(2) }), cmds);
      }),
      { numRuns: 400 },
    );
  });

  it('keeps order across many turns of the wheel and its node pool growing', () => {
    const wheel = new TimingWheel(2);
    const popped: number[] = [];
    let now = 0;
    let seq = 0;
    // Each event schedules two more, at most 200 s ahead, until 20,000 are done: many turns of 128 s.
    wheel.pushSequenced(0, seq++, 0);
    let times: number[] = [0];
    while (wheel.size > 0) {
      const time = wheel.peekTime();
      expect(time).toBeGreaterThanOrEqual(now);
      now = time;
      const id = wheel.pop() as number;
      popped.push(now);
      if (id < 10_000) {
        for (const d of [((id * 7919) % 20_000) / 100, ((id * 104_729) % 3_000) / 1000]) {
          wheel.pushSequenced(now + d, seq++, 2 * id + 1 + (d < 3 ? 1 : 0));
          times.push(now + d);
        }
      }
    }
    times = times.sort((a, b) => a - b);
    expect(popped).toEqual(times);
  });

  it('returns undefined and Infinity when empty, and after everything was popped', () => {
    const wheel = new TimingWheel();
    expect(wheel.pop()).toBeUndefined();
    expect(wheel.peekTime()).toBe(Infinity);
    wheel.pushSequenced(500, 0, 7);
    expect(wheel.pop()).toBe(7);
    expect(wheel.peekTime()).toBe(Infinity);
    expect(wheel.size).toBe(0);
  });
});

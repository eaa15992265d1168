import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EventQueue } from '../../src/engine/event-queue.js';
import { Clock } from '../../src/engine/clock.js';
import { SimulationError } from '../../src/errors.js';

// The model: a plain array kept stably sorted by time, so ties keep insertion order.
type Model = { events: { time: number; payload: number }[] };

class Push implements fc.Command<Model, EventQueue> {
  constructor(readonly time: number, readonly payload: number) {}
  check = () => true;
  run(model: Model, queue: EventQueue): void {
    queue.push(this.time, this.payload);
    model.events.push({ time: this.time, payload: this.payload });
    model.events.sort((a, b) => a.time - b.time); // Array.prototype.sort is stable
    expect(queue.size).toBe(model.events.length);
  }
  toString = () => `push(${this.time}, ${this.payload})`;
}

class Pop implements fc.Command<Model, EventQueue> {
  check = () => true;
  run(model: Model, queue: EventQueue): void {
    const expected = model.events.shift();
    expect(queue.peekTime()).toBe(expected ? expected.time : Infinity);
    expect(queue.pop()).toBe(expected?.payload);
    expect(queue.size).toBe(model.events.length);
  }
  toString = () => 'pop()';
}

describe('EventQueue', () => {
  it('pops like a stable sort of what was pushed (model-based)', () => {
    const commands = [
      fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: -1000, max: 1000 })).map(([t, p]) => new Push(t / 2, p)),
      fc.constant(new Pop()),
    ];
    fc.assert(
      fc.property(fc.commands(commands, { maxCommands: 300 }), (cmds) => {
        fc.modelRun(() => ({ model: { events: [] }, real: new EventQueue(2) }), cmds);
      }),
      { numRuns: 300 },
    );
  });

  it('pops events at equal times in insertion order', () => {
    const queue = new EventQueue();
    for (let i = 0; i < 100; i++) queue.push(5, i);
    const out: number[] = [];
    while (queue.size > 0) out.push(queue.pop() as number);
    expect(out).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('returns undefined and Infinity when empty', () => {
    const queue = new EventQueue();
    expect(queue.pop()).toBeUndefined();
    expect(queue.peekTime()).toBe(Infinity);
  });
});

describe('Clock', () => {
  it('run(until) dispatches events up to and including until, and stops the clock there', () => {
    const clock = new Clock();
    const seen: [number, number][] = [];
    clock.schedule(10, 1);
    clock.schedule(20, 2);
    clock.schedule(30, 3);
    expect(clock.run(20, (p) => seen.push([clock.now, p]))).toBe(20);
    expect(seen).toEqual([[10, 1], [20, 2]]);
    expect(clock.events).toBe(2);
    clock.run(100, (p) => seen.push([clock.now, p]));
    expect(seen.at(-1)).toEqual([30, 3]);
  });

  it('refuses an event in the past or at NaN', () => {
    const clock = new Clock();
    clock.schedule(10, 1);
    clock.run(10, () => undefined);
    expect(() => clock.schedule(5, 1)).toThrow(SimulationError);
    expect(() => clock.schedule(NaN, 1)).toThrow(SimulationError);
  });

  it('events scheduled during dispatch at the current time run after those already queued', () => {
    const clock = new Clock();
    const seen: number[] = [];
    clock.schedule(1, 1);
    clock.schedule(1, 2);
    clock.run(10, (p) => {
      seen.push(p);
      if (p === 1) clock.schedule(1, 3);
    });
    expect(seen).toEqual([1, 2, 3]);
  });
});

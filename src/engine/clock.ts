// The simulation clock: an event queue plus the current time. `run(until)` pops
// events in (time, insertion) order and hands each to a dispatcher; the clock
// knows nothing of roads or people.
import { SimulationError } from '../errors.js';
import { EventQueue } from './event-queue.js';

/** Receives each event's payload; `clock.now` is the event's time. */
export type Dispatch = (payload: number) => void;

export class Clock {
  readonly queue: EventQueue;
  /** Current simulated time, seconds. */
  now = 0;
  /** Events dispatched so far. */
  events = 0;

  constructor(initialCapacity = 1024) {
    this.queue = new EventQueue(initialCapacity);
  }

  /** Schedules `payload` at `time`; a time in the past or NaN is a bug and throws. */
  schedule(time: number, payload: number): void {
    if (!(time >= this.now)) {
      throw new SimulationError(`event ${payload} scheduled at ${time}, before now (${this.now})`);
    }
    this.queue.push(time, payload);
  }

  /**
   * Dispatches events with time ≤ `until` in order. Returns the time reached:
   * the time of the last event, or `until` when events remain beyond it.
   */
  run(until: number, dispatch: Dispatch): number {
    const queue = this.queue;
    while (queue.size > 0 && queue.peekTime() <= until) {
      this.now = queue.peekTime();
      const payload = queue.pop() as number;
      this.events++;
      dispatch(payload);
    }
    if (queue.size > 0) this.now = until;
    return this.now;
  }
}

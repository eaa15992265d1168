// The simulation clock: the current time and the events still to come, which
// `run(until)` dispatches in (time, scheduling order); the clock knows nothing
// of roads or people.
//
// Events due at the current instant (a woken link, a freed seat) go to a FIFO
// ring, served after the heap's events of that instant, which were all scheduled
// earlier: O(1) instead of O(log n), and in exactly the order a single heap of
// every event would give. All other events go to a timing wheel (timing-wheel.ts),
// which pops them in the order a binary heap keyed by (time, sequence) would.
// Events scheduled first (`scheduleFirst`) run before the others of their instant,
// in scheduling order. Events scheduled to come last (`scheduleLast`) run at their
// instant only once nothing else is left at it: those scheduled before the instant
// by sequence, then those scheduled during it in order. A decision that must see everything that
// happens at an instant (the node model choosing among approaches) is made then.
import { SimulationError } from '../errors.js';
import { TimingWheel } from './timing-wheel.js';

/** How far below the others the sequence numbers of events scheduled first are. */
const FIRST_SEQ = 2 ** 52;

/** Receives each event's payload; `clock.now` is the event's time. */
export type Dispatch = (payload: number) => void;

export class Clock {
  readonly queue: TimingWheel;
  /** Current simulated time, seconds. */
  now = 0;
  /** Events dispatched so far. */
  events = 0;
  /** Set by `stop()`: `run` returns after the event being dispatched. */
  private stopped = false;
  private nextSeq = 0;
  /** Ring of payloads due at `now`, in scheduling order. */
  private due: Int32Array;
  private dueFirst = 0;
  private dueCount = 0;
  /** Events to come last at a later instant: a wheel of its own (the node model's admissions, about a third of all events). */
  private readonly lateQueue: TimingWheel;
  /** Ring of payloads to come last at `now`, in scheduling order. */
  private late: Int32Array;
  private lateFirst = 0;
  private lateCount = 0;

  constructor(initialCapacity = 1024) {
    this.queue = new TimingWheel(initialCapacity);
    this.due = new Int32Array(Math.max(16, initialCapacity));
    this.lateQueue = new TimingWheel(initialCapacity);
    this.late = new Int32Array(Math.max(16, initialCapacity));
  }

  /** Events scheduled and not yet dispatched. */
  get size(): number {
    return this.queue.size + this.dueCount + this.lateQueue.size + this.lateCount;
  }

  /** Whether an event other than the one being dispatched is still to run at `now`. */
  busyNow(): boolean {
    return this.dueCount > 0 || this.lateCount > 0 || this.queue.peekTime() === this.now || this.lateQueue.peekTime() === this.now;
  }

  /** Ends `run` after the event being dispatched, at its instant, whatever is still scheduled. */
  stop(): void {
    this.stopped = true;
  }

  /** Schedules `payload` at `time`; a time in the past or NaN is a bug and throws. */
  schedule(time: number, payload: number): void {
    if (!(time >= this.now)) this.refuse(time, payload);
    if (time === this.now) this.pushDue(payload);
    else this.queue.pushSequenced(time, this.nextSeq++, payload);
  }

  /**
   * Schedules `payload` at `time`, to run before the events of that instant scheduled with
   * `schedule` or `scheduleLast` (after those scheduled first before it). Its sequence
   * number is taken below every other's: 2^52 below, which is exact while fewer than 2^52
   * events are scheduled.
   */
  scheduleFirst(time: number, payload: number): void {
    if (!(time >= this.now)) this.refuse(time, payload);
    this.queue.pushSequenced(time, this.nextSeq++ - FIRST_SEQ, payload);
  }

  /** Schedules `payload` at `time`, to run once no other event is left at that instant. */
  scheduleLast(time: number, payload: number): void {
    if (!(time >= this.now)) this.refuse(time, payload);
    if (time === this.now) {
      if (this.lateCount === this.late.length) {
        this.late = grownRing(this.late, this.lateFirst, this.lateCount);
        this.lateFirst = 0;
      }
      let slot = this.lateFirst + this.lateCount++;
      if (slot >= this.late.length) slot -= this.late.length;
      this.late[slot] = payload;
    } else {
      this.lateQueue.pushSequenced(time, this.nextSeq++, payload);
    }
  }

  /**
   * Dispatches events with time ≤ `until` in order. Returns the time reached:
   * the time of the last event, or `until` when events remain beyond it.
   */
  run(until: number, dispatch: Dispatch): number {
    const queue = this.queue;
    const lateQueue = this.lateQueue;
    for (;;) {
      const next = queue.peekTime();
      // Read once an event: nothing below schedules before it is used.
      const lateTime = lateQueue.peekTime();
      let payload: number;
      if (next !== this.now && (this.dueCount > 0 || this.lateCount > 0 || lateTime === this.now)) {
        // Nothing more from the heap at this instant: what was scheduled during it, then what comes last.
        if (this.now > until) break;
        if (this.dueCount > 0) {
          payload = this.due[this.dueFirst];
          this.dueFirst = this.dueFirst + 1 === this.due.length ? 0 : this.dueFirst + 1;
          this.dueCount--;
        } else if (lateTime === this.now) {
          payload = lateQueue.pop() as number;
        } else {
          payload = this.late[this.lateFirst];
          this.lateFirst = this.lateFirst + 1 === this.late.length ? 0 : this.lateFirst + 1;
          this.lateCount--;
        }
      } else {
        if (lateTime < next) {
          // Only late events at the next instant.
          if (!(lateTime <= until)) break;
          this.now = lateTime;
          payload = lateQueue.pop() as number;
        } else {
          if (!(next <= until) || queue.size === 0) break;
          this.now = next;
          payload = queue.pop() as number;
        }
      }
      this.events++;
      dispatch(payload);
      if (this.stopped) return this.now;
    }
    // Only when called with `until` before now: keep the due and last events, in order, for a later run.
    while (this.dueCount > 0) {
      queue.pushSequenced(this.now, this.nextSeq++, this.due[this.dueFirst]);
      this.dueFirst = this.dueFirst + 1 === this.due.length ? 0 : this.dueFirst + 1;
      this.dueCount--;
    }
    while (this.lateCount > 0) {
      lateQueue.pushSequenced(this.now, this.nextSeq++, this.late[this.lateFirst]);
      this.lateFirst = this.lateFirst + 1 === this.late.length ? 0 : this.lateFirst + 1;
      this.lateCount--;
    }
    if (this.size > 0) this.now = until;
    return this.now;
  }

  private pushDue(payload: number): void {
    if (this.dueCount === this.due.length) this.growDue();
    let slot = this.dueFirst + this.dueCount++;
    if (slot >= this.due.length) slot -= this.due.length;
    this.due[slot] = payload;
  }

  private refuse(time: number, payload: number): never {
    throw new SimulationError(`event ${payload} scheduled at ${time}, before now (${this.now})`);
  }

  private growDue(): void {
    this.due = grownRing(this.due, this.dueFirst, this.dueCount);
    this.dueFirst = 0;
  }
}

/** A ring twice as long holding the `count` payloads of `ring` from `first`, in order from slot 0. */
function grownRing(ring: Int32Array, first: number, count: number): Int32Array {
  const grown = new Int32Array(ring.length * 2);
  for (let k = 0; k < count; k++) grown[k] = ring[(first + k) % ring.length];
  return grown;
}

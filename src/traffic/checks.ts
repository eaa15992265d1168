// Waiting checks: a head that has waited `reconsiderSeconds` for its next link is
// looked at again (to choose again, and for a gridlock). Checks are asked for in
// time order (now + a fixed wait), and most are never needed: the head moves on
// first. So they wait in one FIFO here, not in the clock, and the clock holds one
// event for the earliest check still wanted; those no longer wanted are dropped
// as they reach the front, without an event each.
import { EV_CHECK, EV_HEAD, payload } from '../engine/kinds.js';
import type { TrafficState } from './state.js';

export class WaitingChecks {
  private queues = new Int32Array(1024);
  private times = new Float64Array(1024);
  private first = 0;
  private count = 0;
  /** Time of the clock event for the earliest check, Infinity when none. */
  private scheduled = Infinity;

  /**
   * Asks for a head event of `queue` at `time` (≥ now) unless an earlier one is pending:
   * through the FIFO when `time` is not before the last check in it, else through the clock.
   */
  ask(tr: TrafficState, queue: number, time: number): void {
    if (!(time < tr.pendingTime[queue])) return;
    tr.pendingTime[queue] = time;
    const last = this.count > 0 ? this.times[(this.first + this.count - 1) & (this.times.length - 1)] : -Infinity;
    if (time < last || time === tr.clock.now) {
      tr.clockEvents++;
      tr.clock.schedule(time, payload(queue, EV_HEAD));
      return;
    }
    if (this.count === this.times.length) this.grow();
    const slot = (this.first + this.count++) & (this.times.length - 1);
    this.queues[slot] = queue;
    this.times[slot] = time;
    if (time < this.scheduled) this.schedule(tr, time);
  }

  /**
   * The clock event: the queues whose check is due now and still wanted, in the order
   * they were asked for. The caller gives each a head event; the next check is scheduled.
   */
  due(tr: TrafficState, out: number[]): void {
    const now = tr.clock.now;
    this.scheduled = Infinity;
    const mask = this.times.length - 1;
    while (this.count > 0 && this.times[this.first] <= now) {
      const queue = this.queues[this.first];
      if (tr.pendingTime[queue] === this.times[this.first]) out.push(queue);
      this.first = (this.first + 1) & mask;
      this.count--;
    }
    this.dropUnwanted(tr);
    if (this.count > 0) this.schedule(tr, this.times[this.first]);
  }

  /** Drops checks at the front that an earlier head event replaced. */
  private dropUnwanted(tr: TrafficState): void {
    const mask = this.times.length - 1;
    while (this.count > 0 && tr.pendingTime[this.queues[this.first]] !== this.times[this.first]) {
      this.first = (this.first + 1) & mask;
      this.count--;
    }
  }

  private schedule(tr: TrafficState, time: number): void {
    this.scheduled = time;
    tr.clockEvents++;
    tr.clock.schedule(time, payload(0, EV_CHECK));
  }

  private grow(): void {
    const size = this.times.length;
    const queues = new Int32Array(2 * size);
    const times = new Float64Array(2 * size);
    for (let k = 0; k < this.count; k++) {
      queues[k] = this.queues[(this.first + k) & (size - 1)];
      times[k] = this.times[(this.first + k) & (size - 1)];
    }
    this.queues = queues;
    this.times = times;
    this.first = 0;
  }
}

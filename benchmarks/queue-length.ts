// How many events the engine holds during a run, averaged over the events it
// dispatches: all events scheduled and not yet dispatched (what a plain heap
// engine would keep in its heap), and those the clock keeps in its timing wheel (the
// rest wait in the due-now ring and the late queue). Measured on an untimed run by
// wrapping the clock's dispatcher.
import { Clock } from '../src/engine/clock.js';
import type { CompiledNetwork } from '../src/network/compile.js';
import type { Scenario } from '../src/scenario/types.js';
import { simulate } from '../src/simulation/simulate.js';

export interface QueueLengths {
  /** Mean number of events scheduled and not yet dispatched. */
  pending: number;
  /** Mean number of those in the clock's timing wheel. */
  heap: number;
}

/** Mean queue lengths during a run of `scenario`. */
export function meanQueueLengths(scenario: Scenario, network: CompiledNetwork): QueueLengths {
  const run = Clock.prototype.run;
  let dispatched = 0;
  let pending = 0;
  let heap = 0;
  Clock.prototype.run = function (this: Clock, until, dispatch) {
    return run.call(this, until, (payload) => {
      dispatched++;
      pending += this.size + 1;
      heap += this.queue.size;
      dispatch(payload);
    });
  };
  try {
    simulate(scenario, { network });
  } finally {
    Clock.prototype.run = run;
  }
  return dispatched > 0 ? { pending: pending / dispatched, heap: heap / dispatched } : { pending: 0, heap: 0 };
}

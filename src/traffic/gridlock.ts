// Gridlock: a cycle of full links, each head waiting to enter the next. Nothing in
// it can move until something outside changes (a reroute, a hazard ending), and
// nothing is pushed through: it is recorded with its links and time instead.
import type { TrafficState } from './state.js';
import { supplyTime } from './links.js';

/** Called when the head of `start` begins waiting on a full link: records a gridlock if one closes. */
export function detectGridlock(tr: TrafficState, start: number): void {
  const cycle = [start];
  let cur = tr.waitingOn[start];
  for (let steps = 0; steps <= tr.linkCount; steps++) {
    if (cur < 0 || cur >= tr.linkCount || supplyTime(tr, cur) !== Infinity) return;
    if (cur === start) break;
    cycle.push(cur);
    cur = tr.waitingOn[cur];
  }
  if (cur !== start || cycle.some((l) => tr.gridlocked[l])) return;
  for (const l of cycle) tr.gridlocked[l] = 1;
  tr.gridlocks.push({ time: tr.clock.now, links: cycle });
}

// Gridlock: a cycle of full links, each head waiting to enter the next. Nothing in
// it can move until something outside changes (a reroute, a hazard ending), and
// nothing is pushed through: it is recorded with its links and time instead.
import type { TrafficState } from './state.js';
import { supplyTime } from './links.js';

/** Called when the head of `queue` (a link or its turn pocket) begins waiting on a full link: records a gridlock if one closes. */
export function detectGridlock(tr: TrafficState, queue: number): void {
  const start = tr.linkOf(queue);
  if (start < 0) return;
  const cycle = [start];
  let cur = tr.waitingOn[queue];
  for (let steps = 0; steps <= tr.linkCount; steps++) {
    if (cur < 0 || cur >= tr.linkCount || supplyTime(tr, cur) !== Infinity) return;
    if (cur === start) break;
    cycle.push(cur);
    // The link's own head waits, or (when the head moves) the vehicles in its turn pocket.
    cur = tr.waitingOn[cur] >= 0 ? tr.waitingOn[cur] : tr.waitingOn[tr.firstPocket + cur];
  }
  if (cur !== start || cycle.some((l) => tr.gridlocked[l])) return;
  for (const l of cycle) tr.gridlocked[l] = 1;
  tr.gridlocks.push({ time: closedAt(tr, cycle), links: cycle });
}

/**
 * When the gridlock of `cycle` closed: its last change, found only now (heads are looked
 * at after a long wait). Nothing in a full cycle has moved since, so that is the latest
 * entry, exit or step into a turn pocket on its links, or a head reaching its stop line.
 */
function closedAt(tr: TrafficState, cycle: readonly number[]): number {
  let time = -Infinity;
  for (const l of cycle) {
    time = Math.max(time, tr.lastEntry[l], tr.lastExit[l]);
    const pocket = tr.firstPocket + l;
    for (const q of [l, pocket]) {
      const head = tr.head[q];
      if (head >= 0) time = Math.max(time, tr.vReady[head]);
    }
    if (tr.hasPocket[l] && tr.tail[pocket] >= 0) time = Math.max(time, tr.vStop[tr.tail[pocket]]);
  }
  return time;
}

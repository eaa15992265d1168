// Gridlock: a cycle of full links, each head waiting to enter the next. Nothing in
// it can move until something outside changes (a reroute, a hazard ending), and
// nothing is pushed through: it is recorded with its links and time instead.
import type { TrafficState } from './state.js';
import { supplyTime } from './links.js';

/** Called when the head of `queue` (a link or a turn pocket) begins waiting on a full link: records a gridlock if one closes. */
export function detectGridlock(tr: TrafficState, queue: number): void {
  const start = tr.linkOf(queue);
  if (start < 0) return;
  const cycle = waitCycle(tr, start, tr.waitingOn[queue]);
  if (cycle === null || cycle.some((l) => tr.gridlocked[l])) return;
  for (const l of cycle) tr.gridlocked[l] = 1;
  tr.gridlocks.push({ time: closedAt(tr, cycle), links: cycle });
}

/** Whether link `l` has no room now for a vehicle of `units` car units (a waiting head): full for it. */
function full(tr: TrafficState, l: number, units = 1): boolean {
  return l >= 0 && l < tr.linkCount && supplyTime(tr, l, units) === Infinity;
}

/**
 * Whether no vehicle can leave link `start`, nor any link its heads wait on, and so on: each
 * of these links is full, and every head on it, in its lane or in a turn pocket, waits on
 * one of them. On a road with turn pockets one blocked turn does not hold the link: its lane
 * or another pocket may still let vehicles out (each exit lets a head waiting on it in, so
 * the link is full again a wave-time later), and a lane head waiting beside an empty pocket
 * steps into it at its next look and lets the vehicles behind it pass.
 */
function stuck(tr: TrafficState, start: number): boolean {
  const seen = new Set<number>([start]);
  const todo = [start];
  while (todo.length > 0) {
    const link = todo.pop() as number;
    const [first, end] = tr.pocketsOf(link);
    const lane = tr.head[link] >= 0;
    for (let queue = link, pocket = first; ; queue = pocket++) {
      if (tr.head[queue] >= 0) {
        const on = tr.waitingOn[queue];
        if (on < 0 || on >= tr.linkCount) return false; // not at its stop line yet, or without a route
        // Full for this head, each head apart: a link with room for a car but not for a bus
        // holds a bus, not a car. `start` too is checked from the heads waiting on it (a
        // ring of buses may leave room for a car on every link); a cycle comes back to it.
        if (!full(tr, on, tr.unitsOf(tr.head[queue]))) return false;
        if (!seen.has(on)) {
          seen.add(on);
          todo.push(on);
        }
      } else if (queue !== link && lane) {
        return false;
      }
      if (pocket >= end) break;
    }
  }
  return true;
}

/**
 * The links of a cycle of full links from `start` through `first` (the full link a head of
 * `start` waits on) back to `start`, each waited on by the head of the one before, in its
 * lane or in one of its turn pockets; null when there is none, or when a vehicle can still
 * leave one of the links (`stuck`). A depth-first search: with pockets, a link's heads may
 * wait on several links at once.
 */
function waitCycle(tr: TrafficState, start: number, first: number): number[] | null {
  // `stuck` found `start`, `first` and every link their heads wait on full.
  if (!stuck(tr, start)) return null;
  if (first === start) return [start];
  const path = [start, first];
  const seen = new Set<number>(path);
  // Each frame: a link on the path and the next of its waiting queues to look at (−1: its lane).
  const stack: [link: number, next: number][] = [[first, -1]];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    const [link, next] = frame;
    const [pocket, end] = tr.pocketsOf(link);
    const queue = next < 0 ? link : pocket + next;
    if (next >= 0 && queue >= end) {
      stack.pop();
      path.pop();
      continue;
    }
    frame[1] = next + 1;
    const on = tr.waitingOn[queue];
    if (on === start) return path;
    if (!full(tr, on, tr.unitsOf(tr.head[queue])) || seen.has(on)) continue;
    seen.add(on);
    path.push(on);
    stack.push([on, -1]);
  }
  return null;
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
    if (tr.head[l] >= 0) time = Math.max(time, tr.vReady[tr.head[l]]);
    const [first, end] = tr.pocketsOf(l);
    for (let pocket = first; pocket < end; pocket++) {
      if (tr.head[pocket] >= 0) time = Math.max(time, tr.vReady[tr.head[pocket]]);
      if (tr.tail[pocket] >= 0) time = Math.max(time, tr.vStop[tr.tail[pocket]]);
    }
  }
  return time;
}

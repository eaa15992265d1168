// A head that chooses again must not find the vehicles behind it ahead of it. `bound`
// counts every vehicle committed to a link (in car units), and those queued behind the head on its own
// link chose too, as they entered: to the head, a link they are bound for would look
// longer by their discharge, though the head will enter it before them. While the
// head chooses, they are taken out of the counts.
import { ROUTE_CHOICE, ROUTE_SHIFT, type TrafficState } from './state.js';

/** Takes the vehicles queued behind `v` out of `bound` for the links they chose. */
export function withholdFollowers(tr: TrafficState, v: number): void {
  for (let w = tr.vNext[v]; w >= 0; w = tr.vNext[w]) {
    const choice = tr.vRoute[(w << ROUTE_SHIFT) | ROUTE_CHOICE];
    if (choice >= 0) tr.bound[choice] -= tr.unitsOf(w);
  }
}

/** Counts the vehicles queued behind `v` in `bound` again (after withholdFollowers). */
export function restoreFollowers(tr: TrafficState, v: number): void {
  for (let w = tr.vNext[v]; w >= 0; w = tr.vNext[w]) {
    const choice = tr.vRoute[(w << ROUTE_SHIFT) | ROUTE_CHOICE];
    if (choice >= 0) tr.bound[choice] += tr.unitsOf(w);
  }
}

/** Car units of the vehicles queued behind `v`. */
export function unitsBehind(tr: TrafficState, v: number): number {
  let units = 0;
  for (let w = tr.vNext[v]; w >= 0; w = tr.vNext[w]) units += tr.unitsOf(w);
  return units;
}

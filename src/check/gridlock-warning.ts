// A run in which a ring of full links locked: each head waited for the next link of
// the ring, so nothing on them moved until a change of the network freed one
// (traffic/gridlock.ts). Said of a run after it, by run, validate, the report and the
// explorer; the summary's `gridlocks` holds them all.
import type { SimulationResult } from '../result.js';
import { counted, formatCount, formatDuration } from '../report/format.js';
import type { Warning } from './warning.js';

/** One warning naming the first gridlock of `result` (when and its links) and how many there were; none without any. */
export function gridlockWarnings(result: SimulationResult): Warning[] {
  const all = result.gridlocks;
  if (all.length === 0) return [];
  const [first] = all;
  const when = `at ${formatDuration(first.time)} (${formatCount(first.time)} s)`;
  const which = all.length === 1 ? '' : `, the first of ${formatCount(all.length)} (all in the summary's gridlocks)`;
  return [{
    path: 'network.roads',
    message: `the run gridlocked ${when}${which}: a ring of ${counted(first.links.length, 'full link')}, ${ringIds(first.links)}, ` +
      'whose heads each wait for the next, and nothing on it moves until the network changes; ' +
      'give the ring a way out, more capacity or storage, or keep traffic from turning back into it',
  }];
}

/** The ring's link ids, quoted, in ring order: up to eight, then "…". */
function ringIds(links: readonly string[]): string {
  const shown = links.slice(0, 8).map((id) => `"${id}"`).join(', ');
  return links.length > 8 ? `${shown}, …` : shown;
}

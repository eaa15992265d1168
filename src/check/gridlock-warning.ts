// A run in which a ring of full links locked: each head waited for the next link of
// the ring, so nothing on them moved until a change of the network freed one
// (traffic/gridlock.ts). Said of a run after it, by run, validate, the report and the
// explorer, and of an ETE variant's replications by ete; the summary's `gridlocks` holds them all.
import type { SimulationResult } from '../result.js';
import { counted, formatCount, formatDuration } from '../report/format.js';
import type { Warning } from './warning.js';

/** A run's gridlocks, as its result lists them (link ids). */
type Gridlocks = SimulationResult['gridlocks'];

/** One warning naming the first gridlock of `result` (when and its links) and how many there were; none without any. */
export function gridlockWarnings(result: SimulationResult): Warning[] {
  return result.gridlocks.length === 0 ? [] : [lockedWarning('the run', result.gridlocks)];
}

/**
 * The gridlock warning of an ETE variant's replications (`runs`, each one's gridlocks): that
 * of its run with one replication, else how many of them locked, with the first ring of the
 * first that did; none when none did.
 */
export function gridlockReplications(variant: string, runs: readonly Gridlocks[]): Warning[] {
  const locked = runs.filter((g) => g.length > 0);
  if (locked.length === 0) return [];
  const subject = runs.length === 1
    ? `the run of variant "${variant}"`
    : `in ${formatCount(locked.length)} of ${formatCount(runs.length)} replications of variant "${variant}" the run`;
  return [lockedWarning(subject, locked[0])];
}

function lockedWarning(subject: string, all: Gridlocks): Warning {
  const [first] = all;
  const when = `at ${formatDuration(first.time)} (${formatCount(first.time)} s)`;
  const which = all.length === 1 ? '' : `, the first of ${formatCount(all.length)} (all in the summary's gridlocks)`;
  return {
    path: 'network.roads',
    message: `${subject} gridlocked ${when}${which}: a ring of ${counted(first.links.length, 'full link')}, ${ringIds(first.links)}, ` +
      'whose heads each wait for the next, and nothing on it moves until the network changes; ' +
      'give the ring a way out, more capacity or storage, or keep traffic from turning back into it',
  };
}

/** The ring's link ids, quoted, in ring order: up to eight, then "…". */
function ringIds(links: readonly string[]): string {
  const shown = links.slice(0, 8).map((id) => `"${id}"`).join(', ');
  return links.length > 8 ? `${shown}, …` : shown;
}

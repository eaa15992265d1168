// ETE rows over replications: for each zone × group × variant and each share,
// the mean and the 95 % Student-t confidence interval over the runs that
// reached the share, and how many runs did not (never dropped: a mean over
// the reached runs alone would flatter the plan, so it is null then). A run
// in which nobody of the row could leave (with stochastic compliance, a small
// zone where nobody complied) has no share to reach: it is counted apart, in
// `nobodyToLeave`, and the shares are those of the other runs.

import { estimate } from '../sweep/stats.js';
import type { EteRow } from './table.js';
import { ETE_PERCENTS, type EtePercent, type EteTimes } from './percents.js';
import type { EteGroup } from './groups.js';

const PERCENT_KEYS = Object.keys(ETE_PERCENTS) as EtePercent[];

/** A row of the study table; times in seconds after the zone's order. */
export interface EteStudyRow extends Record<EtePercent, number | null> {
  zone: string;
  variant: string;
  group: EteGroup;
  /** Means over the replications of the counts of EteRow. */
  told: number;
  zonePopulation: number;
  complied: number;
  people: number;
  trapped: number;
  orderAt: number | null;
  replications: number;
  /** 95 % confidence interval [low, high] of each mean; null with one replication or when a run did not reach the share. */
  ci95: Record<EtePercent, [number, number] | null>;
  /** Replications with people to leave that never reached each share; 0 when no replication had anyone to leave. */
  unreached: Record<EtePercent, number>;
  /** Replications in which nobody of the row could leave: left out of the shares' means, intervals and `unreached`. */
  nobodyToLeave: number;
  /** EteRow.readyPeople, the base of trip generation: the mean over the replications. */
  readyPeople: number;
  /** EteRow.cars: the mean over the replications. */
  cars: number;
  /**
   * Replications in which nobody of the row was ready to set out (readyPeople 0): left out of
   * trip generation's means, intervals and `readyUnreached`. A run whose people were all
   * captured after they were ready has nobody to leave but was mobilized all the same.
   */
  nobodyReady: number;
  /** Trip generation (EteRow.ready): the mean over the runs with people ready, null unless every one of them reached it. */
  ready: EteTimes;
  readyCi95: Record<EtePercent, [number, number] | null>;
  readyUnreached: Record<EtePercent, number>;
}

/** Means, intervals and misses of the times of some runs: a share's mean only when every run reached it. */
interface Combined {
  mean: EteTimes;
  ci95: Record<EtePercent, [number, number] | null>;
  unreached: Record<EtePercent, number>;
}

function combineTimes(runs: readonly EteTimes[]): Combined {
  const out: Combined = {
    mean: { p50: null, p90: null, p95: null, p100: null },
    ci95: { p50: null, p90: null, p95: null, p100: null },
    unreached: { p50: 0, p90: 0, p95: 0, p100: 0 },
  };
  if (runs.length === 0) return out;
  for (const key of PERCENT_KEYS) {
    const reached = runs.map((r) => r[key]).filter((t): t is number => t !== null);
    out.unreached[key] = runs.length - reached.length;
    if (reached.length < runs.length) continue;
    const e = estimate(reached);
    out.mean[key] = e.mean;
    out.ci95[key] = e.ciLow === null || e.ciHigh === null ? null : [e.ciLow, e.ciHigh];
  }
  return out;
}

/**
 * Combines the rows of replications (each an eteRows result for the same
 * zones, in the same order) into one row per zone × group. A share's mean is
 * null unless every replication with people to leave reached it.
 */
export function combineReplications(variant: string, runs: readonly EteRow[][]): EteStudyRow[] {
  if (runs.length === 0) return [];
  return runs[0].map((first, i) => {
    const rows = runs.map((run) => run[i]);
    const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
    // Nobody to leave in any run (the tables' "nobody told", "none of this group told" and
    // "nobody to leave"): no share to reach, none missed. Trip generation is of the runs with
    // people ready, also those whose people were all captured once ready.
    const leaving = rows.filter((r) => r.people > 0);
    const readying = rows.filter((r) => r.readyPeople > 0);
    const times = combineTimes(leaving);
    const ready = combineTimes(readying.map((r) => r.ready));
    return {
      zone: first.zone,
      variant,
      group: first.group,
      told: mean(rows.map((r) => r.told)),
      zonePopulation: mean(rows.map((r) => r.zonePopulation)),
      complied: mean(rows.map((r) => r.complied)),
      people: mean(rows.map((r) => r.people)),
      trapped: mean(rows.map((r) => r.trapped)),
      orderAt: rows.every((r) => r.orderAt !== null) ? mean(rows.map((r) => r.orderAt as number)) : null,
      replications: rows.length,
      p50: times.mean.p50, p90: times.mean.p90, p95: times.mean.p95, p100: times.mean.p100,
      ci95: times.ci95,
      unreached: times.unreached,
      // A run with nobody to leave has no share to reach, and misses none.
      nobodyToLeave: rows.length - leaving.length,
      readyPeople: mean(rows.map((r) => r.readyPeople)),
      cars: mean(rows.map((r) => r.cars)),
      nobodyReady: rows.length - readying.length,
      ready: ready.mean,
      readyCi95: ready.ci95,
      readyUnreached: ready.unreached,
    };
  });
}

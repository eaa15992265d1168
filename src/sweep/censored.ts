// Statistics of right-censored times: a clearance not reached by the end of a
// run is known only to be later than that end. The Kaplan–Meier estimate of the
// survival curve gives a median that uses those runs instead of dropping them.

/** One observation: a time reached (`reached`), or only known to be later than `time`. */
export interface Observation {
  time: number;
  reached: boolean;
}

/** A median that may only be bounded below. */
export interface CensoredMedian {
  value: number;
  /** True when fewer than half the runs reached a time: the median is only known to exceed `value`. */
  above: boolean;
}

/**
 * The Kaplan–Meier median of `observations`: the first time the estimated share
 * not yet reached falls to ½ or below (midway to the next reached time when it
 * is exactly ½ there, so without censoring it is the ordinary sample median).
 * When it never falls that far, the largest time, flagged `above`. Null for no observations.
 */
export function kaplanMeierMedian(observations: readonly Observation[]): CensoredMedian | null {
  if (observations.length === 0) return null;
  // Reached times before censored ones at equal times, as is conventional.
  const sorted = [...observations].sort((a, b) => a.time - b.time || Number(b.reached) - Number(a.reached));
  let atRisk = sorted.length;
  let survival = 1;
  for (let i = 0; i < sorted.length; ) {
    const t = sorted[i].time;
    let events = 0;
    let leaving = 0;
    while (i < sorted.length && sorted[i].time === t) {
      if (sorted[i].reached) events++;
      leaving++;
      i++;
    }
    if (events > 0) {
      survival *= 1 - events / atRisk;
      if (Math.abs(survival - 0.5) < 1e-12) {
        const next = sorted.slice(i).find((o) => o.reached);
        return { value: next === undefined ? t : (t + next.time) / 2, above: false };
      }
      if (survival < 0.5) return { value: t, above: false };
    }
    atRisk -= leaving;
  }
  return { value: sorted[sorted.length - 1].time, above: true };
}

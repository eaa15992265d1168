// The shares of a zone's people an ETE row gives the time of.

/** The shares of a row, as keys. */
export const ETE_PERCENTS = { p50: 50, p90: 90, p95: 95, p100: 100 } as const;
export type EtePercent = keyof typeof ETE_PERCENTS;

/** Seconds until each share; null when never reached. */
export type EteTimes = Record<EtePercent, number | null>;

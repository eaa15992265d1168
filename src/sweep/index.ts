// Parameter sweeps: designs (grids, Latin hypercubes), replications with derived
// seeds, runs over worker threads, shards, and the statistics of the results.

export { sweep, prepareSweep, runSweep, type SweepOptions } from './sweep.js';
export { planSweep, resolveDesign, runRef, type ParameterSpec, type ResolvedDesign, type RunRef, type SweepDesign, type SweepPlan } from './design.js';
export { METRICS, type MetricName, type Metrics } from './metrics.js';
export type { SweepRow } from './row.js';
export { estimate, studentTQuantile, type Estimate } from './stats.js';
export { sensitivity, summarizePoints, type PointSummary, type Sensitivity } from './summary.js';
export { runsCsv, summaryCsv } from './tables.js';
export { summaryMarkdown } from './markdown.js';
export { parseShard, inShard, shardRuns, type Shard } from './shard.js';
export { differences, manifestOf, MANIFEST_FORMAT, type SweepManifest } from './manifest.js';
export { journalLine, parseJournal } from './journal.js';
export type { Value } from './values.js';

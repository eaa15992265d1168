// Parameter sweeps: designs (grids, Latin hypercubes, design files, Saltelli and
// Morris designs), chosen metrics, replications with derived seeds, runs over
// worker threads, shards, and the statistics of the results (censoring-aware
// summaries, sensitivity rankings and indices, paired differences, calibration).

export { sweep, prepareSweep, runSweep, checkMetrics, type SweepOptions } from './sweep.js';
export { planSweep, planWithPoints, resolveDesign, runRef, runIndex, type DesignKind, type ParameterSpec, type ResolvedDesign, type RunRef, type SweepDesign, type SweepPlan } from './design.js';
export { readDesignFile } from './design-file.js';
export { METRICS, compileMetrics, type Metric, type MetricName, type Metrics } from './metrics.js';
export { METRIC_SOURCES, metricReader, type MetricReader, type MetricSource, type RunOutput } from './metric-sources.js';
export type { SweepRow } from './row.js';
export { estimate, studentTQuantile, type Estimate } from './stats.js';
export { kaplanMeierMedian, type CensoredMedian, type Observation } from './censored.js';
export { sensitivity, summarizePoints, metricSummary, type MetricSummary, type PointSummary, type Sensitivity, type Change } from './summary.js';
export { sensitivityIndices, type IndexRow } from './indices.js';
export { saltelliDesign, sobolIndices, type SobolIndices } from './saltelli.js';
export { morrisDesign, morrisEffects, type MorrisStats } from './morris.js';
export { pairedDifferences, type PairedDifference } from './differences.js';
export { calibration, accepts, type Calibration, type AcceptedRange } from './calibration.js';
export { runsCsv, summaryCsv, runsTable, summaryTable, csvOf, type Column, type Table } from './tables.js';
export { parquetOf } from './parquet.js';
export { summaryMarkdown } from './markdown.js';
export { parseShard, inShard, shardRuns, type Shard } from './shard.js';
export { differences, manifestOf, MANIFEST_FORMAT, type SweepManifest, type ReportOptions } from './manifest.js';
export { lockSweepFolder } from './folder-lock.js';
export { journalLine, parseJournal } from './journal.js';
export type { Value } from './values.js';

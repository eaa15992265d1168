// Reports of a simulation run: exact people counts at any instant and scope,
// clearance, the §5 summary, target checks, CSV tables and the terminal text.

export { binEnds, binIndex } from './bins.js';
export { CLEARANCE_PERCENTS, type Clearance, clearance, settlementClearance } from './clearance.js';
export { clockAt } from './clock.js';
export { csvField, csvTable, linksCsv, settlementsCsv, timeseriesCsv } from './csv.js';
export { fit, formatCount, formatDuration, formatShare } from './format.js';
export { PEOPLE_KEYS, type People, peopleAt, peopleBySettlement, peopleSeries } from './metrics.js';
export { describeScope, isWholeScope, scopeMask } from './scope.js';
export { type SettlementRow, settlementRows } from './settlements.js';
export { type ShelterRow, occupancySeries, shelterRows } from './shelters.js';
export { type Summary, type SummarizeOptions, summarize } from './summary.js';
export {
  type MetricReading,
  type TargetResult,
  evaluateTarget,
  evaluateTargets,
  meetsTarget,
  readMetric,
} from './targets.js';
export { formatSummary } from './text.js';
export { type Throughput, peopleByBin, throughput } from './throughput.js';

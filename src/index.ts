// evacsim's library API: load a scenario, simulate it, summarize the result.
export { loadScenarioFile as loadScenario, parseScenario, parseScenarioText, scenarioJsonSchema } from './scenario/index.js';
export type * from './scenario/types.js';
export type { ScenarioFileOptions } from './scenario/index.js';
export { simulate } from './library/simulate.js';
export type { SimulateOptions } from './simulation/simulate.js';
export { summarize, formatSummary, peopleAt, clearance, evaluateTargets, timeseriesCsv, settlementsCsv, linksCsv } from './report/index.js';
export type { Summary, People } from './report/index.js';
export type { SimulationResult, MovementLog } from './result.js';
export { LogKind } from './result.js';
export { ScenarioError, InputError, SimulationError } from './errors.js';
export { unreachableSettlements } from './network/reachability.js';
export { sweep, prepareSweep, runSweep, planSweep, resolveDesign, summarizePoints, sensitivity, estimate, runsCsv, summaryCsv, summaryMarkdown, METRICS, type SweepDesign, type SweepOptions, type SweepPlan, type SweepRow, type ParameterSpec, type PointSummary, type Sensitivity, type Estimate, type Shard } from './sweep/index.js';
export { readDesignFile, sensitivityIndices, pairedDifferences, calibration, sobolIndices, saltelliDesign, morrisDesign, morrisEffects, kaplanMeierMedian, METRIC_SOURCES, type MetricSource, type IndexRow, type PairedDifference, type Calibration } from './sweep/index.js';
export { renderReport } from './html/index.js';
export { runEteStudy, eteRows, eteMetrics, buildZones, parseZoneSpec, TripRecorder, type EteRow, type EteStudy, type EteStudyRow, type ZoneSpec } from './ete/index.js';
export { applyVariant, variantsOf, type VariantSpec } from './scenario/variants.js';
export { renderEteReport } from './html/ete-report.js';

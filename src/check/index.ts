export { scenarioWarnings, type Warning } from './warnings.js';
export { limitProblems, estimateBytes, DEFAULT_LIMITS, type Limits } from './limits.js';

// The scenario module: reading, checking and normalizing scenario files.

export { parseDuration, parseInstant } from './duration.js';
export { scenarioJsonSchema } from './json-schema.js';
export { loadScenarioFile, parseScenarioText } from './load.js';
export type { ScenarioFileOptions } from './load.js';
export { parseScenario } from './parse.js';
export type * from './types.js';

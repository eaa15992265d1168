export { generateGrid, gridSide } from './grid.js';
export { generateCorridor } from './corridor.js';
export { generateRegion, regionSide } from './region.js';
export { generate, GENERATOR_KINDS, type GeneratorKind } from './generate.js';
export { scenarioJson } from './json.js';
export { apportion } from './apportion.js';
export type { GenerateOptions, ScenarioFileInput } from './types.js';

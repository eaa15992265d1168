// One entry point for the synthetic scenarios: a kind, a number of people and a
// seed give the same scenario file on any machine.
import { generateCorridor } from './corridor.js';
import { generateGrid } from './grid.js';
import { generateRegion } from './region.js';
import type { GenerateOptions, ScenarioFileInput } from './types.js';

export const GENERATOR_KINDS = ['grid', 'corridor', 'region'] as const;
export type GeneratorKind = (typeof GENERATOR_KINDS)[number];

const GENERATORS: Record<GeneratorKind, (options: GenerateOptions) => ScenarioFileInput> = {
  grid: generateGrid,
  corridor: generateCorridor,
  region: generateRegion,
};

/** The synthetic scenario of `kind` for `options.people` people. */
export function generate(kind: GeneratorKind, options: GenerateOptions): ScenarioFileInput {
  return GENERATORS[kind](options);
}

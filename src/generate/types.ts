// What a generator produces: the value of a scenario file (format v1), typed by
// the file schema's input side, so a generated scenario is checked at compile
// time and again by `evacsim validate`.
import type * as z from 'zod';
import type { scenarioFileSchema } from '../scenario/schema.js';

/** A scenario file as written: durations as strings, defaults left out where they fit. */
export type ScenarioFileInput = z.input<typeof scenarioFileSchema>;

export interface GenerateOptions {
  /** People living in the scenario (the sum of settlement populations). */
  people: number;
  /** Seed of the generator's draws, also written as the scenario's seed. */
  seed: number;
  /** Junctions per side of the grid or region; default: grows with `people`. */
  side?: number;
}

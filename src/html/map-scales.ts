// The map's colour and size encodings, with fixed class breaks so two runs of
// the explorer (before and after a change) colour the same value the same way.

import { scaleSqrt, scaleThreshold } from 'd3-scale';
import { CLEARANCE_RAMP, HEAT } from './palette.js';

const HOUR = 3600;
const DAY = 86400;

export interface Classes {
  /** Upper bounds of all classes but the last. */
  breaks: number[];
  colors: string[];
  /** One label per class. */
  labels: string[];
}

/** Peak queue as a share of what the road holds. */
export const QUEUE_CLASSES: Classes = {
  breaks: [0.1, 0.25, 0.5, 0.75, 0.95],
  colors: HEAT,
  labels: ['under 10 %', '10–25 %', '25–50 %', '50–75 %', '75–95 %', '95 % or more (full)'],
};

/** Mean delay per vehicle beyond free-flow time, seconds. */
export const DELAY_CLASSES: Classes = {
  breaks: [60, 5 * 60, 15 * 60, HOUR, 4 * HOUR],
  colors: HEAT,
  labels: ['under 1 min', '1–5 min', '5–15 min', '15–60 min', '1–4 h', '4 h or more'],
};

/** Time from a settlement's order to its last compliant person evacuated, seconds. */
export const CLEARANCE_CLASSES: Classes = {
  breaks: [12 * HOUR, DAY, 2 * DAY, 4 * DAY],
  colors: CLEARANCE_RAMP,
  labels: ['within 12 h', '12 h – 1 day', '1–2 days', '2–4 days', '4 days or more'],
};

/** The colour of `value` in `classes`. */
export function classColor(classes: Classes, value: number): string {
  return scaleThreshold<number, string>().domain(classes.breaks).range(classes.colors)(value);
}

/** Marker radius in pixels for a population: area proportional, largest `maxRadius`. */
export function populationRadius(maxPopulation: number, maxRadius = 18): (population: number) => number {
  const r = scaleSqrt().domain([0, Math.max(1, maxPopulation)]).range([0, maxRadius]);
  return (population) => Math.max(2.5, r(population));
}

/** Road stroke width in pixels from the vehicles that used it. */
export function roadWidth(maxVehicles: number): (vehicles: number) => number {
  const w = scaleSqrt().domain([0, Math.max(1, maxVehicles)]).range([1.5, 8]);
  return (vehicles) => (vehicles > 0 ? w(vehicles) : 1);
}

/** The largest of `values`, at least 0; a loop, since spreading a large network's arrays overflows the stack. */
export function largest(values: readonly number[]): number {
  let max = 0;
  for (const v of values) if (v > max) max = v;
  return max;
}

// The map's colour and size encodings: fixed class breaks for road queues and
// delays; clearance classes scaled to the run (and its baseline, so two runs
// colour the same value the same way); a diverging scale for changes.

import { scaleSqrt, scaleThreshold } from 'd3-scale';
import { CHANGE_RAMP, CLEARANCE_RAMP, HEAT } from './palette.js';

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

const STEPS: [number, string][] = [
  [60, '1 min'], [5 * 60, '5 min'], [10 * 60, '10 min'], [15 * 60, '15 min'], [30 * 60, '30 min'], [HOUR, '1 h'],
  [2 * HOUR, '2 h'], [3 * HOUR, '3 h'], [6 * HOUR, '6 h'], [12 * HOUR, '12 h'], [DAY, '1 day'], [2 * DAY, '2 days'],
  [4 * DAY, '4 days'], [7 * DAY, '7 days'],
];

/**
 * Classes of the time from a settlement's order to its last compliant person
 * evacuated, in five even steps that cover `longest` seconds (the run's longest
 * clearance): a two-hour town run is not one colour, nor a two-week region.
 */
export function clearanceClasses(longest: number): Classes {
  const [step] = STEPS.find(([size]) => size * 5 >= longest) ?? STEPS[STEPS.length - 1];
  const show = (seconds: number) => durationLabel(seconds);
  const breaks = [1, 2, 3, 4].map((k) => k * step);
  return {
    breaks,
    colors: CLEARANCE_RAMP,
    labels: [
      `within ${show(breaks[0])}`,
      ...breaks.slice(1).map((b, i) => `${show(breaks[i])} – ${show(b)}`),
      `${show(breaks[3])} or more`,
    ],
  };
}

/** "45 min", "3 h", "1 day", "2.5 days". */
function durationLabel(seconds: number): string {
  if (seconds < HOUR) return `${Math.round(seconds / 60)} min`;
  if (seconds < DAY) return `${Math.round((seconds / HOUR) * 10) / 10} h`;
  const days = Math.round((seconds / DAY) * 10) / 10;
  return `${days} ${days === 1 ? 'day' : 'days'}`;
}

/** Change in people evacuated from the baseline: fewer (orange), about the same, more (blue). */
export const CHANGE_CLASSES: Classes = {
  breaks: [-0.2, -0.05, 0.05, 0.2],
  colors: CHANGE_RAMP,
  labels: ['20 % fewer or worse', '5–20 % fewer', 'within 5 %', '5–20 % more', '20 % more or better'],
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
export function largest(values: ArrayLike<number>): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i] > max) max = values[i];
  return max;
}

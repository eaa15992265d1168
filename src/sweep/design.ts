// A sweep's design: which parameters, which values, how many replications, and
// the plan drawn from it (every parameter point and every run with its seed).
// Plans are pure functions of the design, so every shard and every resumed
// process sees the same points in the same order.

import { UsageError } from '../errors.js';
import { latinHypercube } from './lhs.js';
import { parsePath, type Selector } from './path.js';
import { runSeed } from './seeds.js';
import { gridLevels, parseValues, rangeValue, type Value, type ValueSpec } from './values.js';

/** One swept parameter: a path into the scenario file and its values (text as `--set` takes it, or a list). */
export interface ParameterSpec {
  path: string;
  values: string | readonly Value[];
}

/** What to sweep. Everything here, and only this, decides the results. */
export interface SweepDesign {
  parameters: readonly ParameterSpec[];
  /** `grid` (default): every combination of values; `lhs`: a Latin hypercube over the ranges. */
  kind?: 'grid' | 'lhs';
  /** Points of a Latin hypercube; default 10 per parameter. Ignored by grids. */
  samples?: number;
  /** Runs per point, each with its own seed; default 1. */
  replications?: number;
  /** Seed every run seed is derived from; default the scenario's seed. */
  seed?: number;
  /** Give replication r the same seed at every point (common random numbers), for sharper comparisons. */
  commonSeeds?: boolean;
}

/** A design with every default filled in, as the manifest of a sweep folder records it. */
export interface ResolvedDesign {
  kind: 'grid' | 'lhs';
  parameters: ParameterSpec[];
  samples: number | null;
  replications: number;
  seed: number;
  commonSeeds: boolean;
}

/** A parameter of a plan: its path read into selectors and its values read into a spec. */
export interface Parameter {
  /** The path as written; also the column name in the outputs. */
  name: string;
  path: Selector[];
  spec: ValueSpec;
}

/** Everything a sweep will run, derived from its design alone. */
export interface SweepPlan {
  design: ResolvedDesign;
  parameters: Parameter[];
  /** The value of every parameter at every point, in parameter order. */
  points: Value[][];
  /** points × replications. */
  runs: number;
}

/** One run: index `run` = point × replications + replication. */
export interface RunRef {
  run: number;
  point: number;
  replication: number;
  seed: number;
}

const MAX_POINTS = 1_000_000;
/** Runs a sweep may hold (points × replications): each is a row of the journal and tables. */
export const MAX_RUNS = 10_000_000;

/** Fills the defaults of `design`; `scenarioSeed` is the seed used when the design names none. */
export function resolveDesign(design: SweepDesign, scenarioSeed: number): ResolvedDesign {
  const kind = design.kind ?? 'grid';
  if (kind !== 'grid' && kind !== 'lhs') throw new UsageError(`design must be grid or lhs, got ${JSON.stringify(kind)}`);
  const parameters = design.parameters.map((p) => ({ path: p.path.trim(), values: typeof p.values === 'string' ? p.values : [...p.values] }));
  const replications = design.replications ?? 1;
  wholeNumber('replications', replications, 1);
  if (replications > MAX_RUNS) throw new UsageError(`replications must be at most ${MAX_RUNS}, got ${replications}`);
  const seed = design.seed ?? scenarioSeed;
  wholeNumber('seed', seed, 0);
  let samples: number | null = null;
  if (kind === 'lhs') {
    if (parameters.length === 0) throw new UsageError('a Latin hypercube needs at least one parameter (--set)');
    samples = design.samples ?? 10 * parameters.length;
    wholeNumber('samples', samples, 1);
    if (samples > MAX_POINTS) throw new UsageError(`samples must be at most ${MAX_POINTS}, got ${samples}`);
  }
  return { kind, parameters, samples, replications, seed, commonSeeds: design.commonSeeds ?? false };
}

/** Every point and run of `design`. Throws UsageError for unreadable paths or values and too large grids. */
export function planSweep(design: ResolvedDesign): SweepPlan {
  const parameters = design.parameters.map((p): Parameter => ({ name: p.path, path: parsePath(p.path), spec: specOf(p) }));
  const seen = new Set<string>();
  for (const p of parameters) {
    if (seen.has(p.name)) throw new UsageError(`--set ${p.name} is given twice`);
    seen.add(p.name);
  }
  const points = design.kind === 'lhs' ? lhsPoints(parameters, design.samples as number, design.seed) : gridPoints(parameters);
  if (points.length * design.replications > MAX_RUNS) {
    throw new UsageError(`${points.length} points × ${design.replications} replications = ${points.length * design.replications} runs, above the limit of ${MAX_RUNS}`);
  }
  return { design, parameters, points, runs: points.length * design.replications };
}

/** Point, replication and seed of run `run` of `plan`. */
export function runRef(plan: SweepPlan, run: number): RunRef {
  const { replications, seed, commonSeeds } = plan.design;
  const replication = run % replications;
  return { run, point: (run - replication) / replications, replication, seed: runSeed(seed, commonSeeds ? replication : run) };
}

function specOf(p: ParameterSpec): ValueSpec {
  if (typeof p.values === 'string') return parseValues(p.values, p.path);
  for (const v of p.values) {
    if (!(v === null || ['number', 'string', 'boolean'].includes(typeof v))) {
      throw new UsageError(`parameter ${p.path}: values must be numbers, strings, booleans or null, got ${JSON.stringify(v)}`);
    }
  }
  if (p.values.length === 0) throw new UsageError(`parameter ${p.path}: give at least one value`);
  return { kind: 'list', values: [...p.values] };
}

/** The full grid, the first parameter varying slowest. */
function gridPoints(parameters: Parameter[]): Value[][] {
  const levels = parameters.map((p) => gridLevels(p.spec, p.name));
  const size = levels.reduce((n, l) => n * l.length, 1);
  if (size > MAX_POINTS) throw new UsageError(`the grid has ${size} points, more than ${MAX_POINTS}; use --design lhs`);
  let points: Value[][] = [[]];
  for (const values of levels) points = points.flatMap((point) => values.map((v) => [...point, v]));
  return points;
}

/** A Latin hypercube: continuous over unstepped ranges, snapped to the grid of stepped ranges, one of n for lists. */
function lhsPoints(parameters: Parameter[], samples: number, seed: number): Value[][] {
  return latinHypercube(samples, parameters.length, seed).map((u) =>
    parameters.map((p, d) => {
      const spec = p.spec;
      if (spec.kind === 'list') return spec.values[Math.min(spec.values.length - 1, Math.floor(u[d] * spec.values.length))];
      const x = spec.from + u[d] * (spec.to - spec.from);
      if (spec.step === null) return spec.unit === null ? x : `${x}${spec.unit}`;
      const levels = gridLevels(spec, p.name).length;
      const k = Math.min(levels - 1, Math.max(0, Math.round((x - spec.from) / spec.step)));
      return rangeValue(spec, spec.from + k * spec.step);
    }),
  );
}

function wholeNumber(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new UsageError(`${name} must be a whole number of at least ${min}, got ${value}`);
}

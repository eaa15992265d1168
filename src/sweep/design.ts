// A sweep's design: which parameters, which values, how many replications, and
// the plan drawn from it (every parameter point and every run with its seed).
// Plans are pure functions of the design, so every shard and every resumed
// process sees the same points in the same order.

import { InputError } from '../errors.js';
import { counted, formatCount } from '../report/format.js';
import { latinHypercube } from './lhs.js';
import { morrisDesign } from './morris.js';
import { parsePath, type Selector } from './path.js';
import { saltelliDesign } from './saltelli.js';
import { runSeed } from './seeds.js';
import { unitValue } from './unit-value.js';
import { gridLevels, parseValues, type Value, type ValueSpec } from './values.js';

/** One swept parameter: a path into the scenario file and its values (text as `--set` takes it, or a list). */
export interface ParameterSpec {
  path: string;
  /** Not used by `points` designs, whose values are in `points`. */
  values?: string | readonly Value[];
}

export type DesignKind = 'grid' | 'lhs' | 'points' | 'sobol' | 'morris';

/** What to sweep. Everything here, and only this, decides the results. */
export interface SweepDesign {
  parameters: readonly ParameterSpec[];
  /**
   * `grid` (default): every combination of values; `lhs`: a Latin hypercube over the ranges;
   * `points`: the points given in `points`; `sobol`: Saltelli's sampling for Sobol indices;
   * `morris`: Morris trajectories for elementary effects.
   */
  kind?: DesignKind;
  /** Points of a Latin hypercube (default 10 per parameter), or base samples N of a Sobol design (default 64). */
  samples?: number;
  /** Trajectories of a Morris design; default 10. */
  trajectories?: number;
  /** For `points` designs: one row of values per point, in parameter order. */
  points?: readonly (readonly Value[])[];
  /** Runs per point, each with its own seed; default 1. */
  replications?: number;
  /** Seed every run seed is derived from; default the scenario's seed. */
  seed?: number;
  /** Give replication r the same seed at every point (common random numbers); default true. */
  commonSeeds?: boolean;
  /** Metric paths each run records (see metric-paths.ts); default the headline metrics. */
  metrics?: readonly string[];
}

/** A design with every default filled in, as the manifest of a sweep folder records it. */
export interface ResolvedDesign {
  kind: DesignKind;
  parameters: { path: string; values: string | Value[] | null }[];
  samples: number | null;
  trajectories: number | null;
  /** The points of a `points` design; null otherwise (the points derive from the rest). */
  points: Value[][] | null;
  replications: number;
  seed: number;
  commonSeeds: boolean;
  metrics: string[];
}

/** Most runs one sweep may hold (each is a row of the journal and of the tables). */
export const MAX_RUNS = 10_000_000;

/** A parameter of a plan: its path read into selectors and its values read into a spec. */
export interface Parameter {
  /** The path as written; also the column name in the outputs. */
  name: string;
  path: Selector[];
  /** null for the parameters of a `points` design. */
  spec: ValueSpec | null;
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

/** One run: index `run` = replication × points + point, so raising the replications only adds runs. */
export interface RunRef {
  run: number;
  point: number;
  replication: number;
  seed: number;
}

const MAX_POINTS = 1_000_000;

/** Fills the defaults of `design`; `scenarioSeed` is the seed used when the design names none; `metrics` the default selection. */
export function resolveDesign(design: SweepDesign, scenarioSeed: number, metrics: readonly string[] = []): ResolvedDesign {
  if (typeof design !== 'object' || design === null || !Array.isArray(design.parameters)) {
    throw new InputError(`a sweep design must be an object with a list of parameters, got ${JSON.stringify(design)}`);
  }
  if (design.commonSeeds !== undefined && typeof design.commonSeeds !== 'boolean') {
    throw new InputError(`commonSeeds must be true or false, got ${JSON.stringify(design.commonSeeds)}`);
  }
  const kind = design.kind ?? 'grid';
  if (!['grid', 'lhs', 'points', 'sobol', 'morris'].includes(kind)) throw new InputError(`design must be grid, lhs, points, sobol or morris, got ${JSON.stringify(kind)}`);
  const parameters = design.parameters.map((p) => ({
    path: p.path.trim(),
    values: p.values === undefined ? null : typeof p.values === 'string' ? p.values : [...p.values],
  }));
  for (const p of parameters) {
    if (p.path === 'seed') throw new InputError('parameter seed (a --set, --free or a design file\'s column): run seeds derive from the sweep seed; give it with --seed S, and more runs with --replications');
    if (kind !== 'points' && p.values === null) throw new InputError(`parameter ${p.path}: give its values`);
  }
  const replications = design.replications ?? 1;
  wholeNumber('replications', replications, 1);
  const seed = design.seed ?? scenarioSeed;
  wholeNumber('seed', seed, 0);
  let samples: number | null = null;
  let trajectories: number | null = null;
  let points: Value[][] | null = null;
  if (kind === 'lhs' || kind === 'sobol' || kind === 'morris') {
    if (parameters.length === 0) throw new InputError(`a ${kind} design needs at least one parameter (--set)`);
  }
  if (kind === 'lhs' || kind === 'sobol') {
    samples = design.samples ?? (kind === 'lhs' ? 10 * parameters.length : 64);
    wholeNumber('samples', samples, kind === 'sobol' ? 2 : 1);
  }
  if (kind === 'morris') {
    trajectories = design.trajectories ?? 10;
    wholeNumber('trajectories', trajectories, 2);
  }
  checkDesignCounts(kind, parameters.length, samples, trajectories, replications);
  if (kind === 'points') points = checkedPoints(design.points, parameters.length);
  const chosen = [...(design.metrics ?? metrics)];
  return { kind, parameters, samples, trajectories, points, replications, seed, commonSeeds: design.commonSeeds ?? true, metrics: chosen };
}

/** Every point and run of `design`. Throws InputError for unreadable paths or values and too large grids. */
export function planSweep(design: ResolvedDesign): SweepPlan {
  const parameters = planParameters(design);
  return planWithPoints(design, pointsOf(design, parameters), parameters);
}

/** The plan of `design` with the points `points` in place of its own (a caller's edited plan). */
export function planWithPoints(design: ResolvedDesign, points: Value[][], parameters = planParameters(design)): SweepPlan {
  for (const [i, row] of points.entries()) {
    if (row.length !== parameters.length) throw new InputError(`point ${i} has ${row.length} values for ${parameters.length} parameters`);
  }
  const runs = points.length * design.replications;
  if (runs > MAX_RUNS) {
    throw new InputError(`${counted(points.length, 'point')} × ${counted(design.replications, 'replication')} = ${counted(runs, 'run')}, above the limit of ${formatCount(MAX_RUNS)}`);
  }
  return { design, parameters, points, runs: points.length * design.replications };
}

function planParameters(design: ResolvedDesign): Parameter[] {
  const parameters = design.parameters.map((p): Parameter => ({ name: p.path, path: parsePath(p.path), spec: p.values === null ? null : specOf(p.path, p.values) }));
  const seen = new Set<string>();
  for (const p of parameters) {
    if (seen.has(p.name)) throw new InputError(`--set ${p.name} is given twice`);
    seen.add(p.name);
  }
  return parameters;
}

/** Point, replication and seed of run `run` of `plan`. */
export function runRef(plan: Pick<SweepPlan, 'design' | 'points'>, run: number): RunRef {
  const { seed, commonSeeds } = plan.design;
  const count = plan.points.length;
  const point = run % count;
  const replication = (run - point) / count;
  return { run, point, replication, seed: runSeed(seed, commonSeeds ? null : point, replication) };
}

/** The index of the run of `point` and `replication`. */
export function runIndex(plan: Pick<SweepPlan, 'points'>, point: number, replication: number): number {
  return replication * plan.points.length + point;
}

function pointsOf(design: ResolvedDesign, parameters: Parameter[]): Value[][] {
  const specs = parameters.map((p) => p.spec as ValueSpec);
  const fromUnit = (units: number[][]) => units.map((u) => specs.map((spec, d) => unitValue(spec, u[d])));
  switch (design.kind) {
    case 'grid':
      return gridPoints(parameters);
    case 'lhs':
      return fromUnit(latinHypercube(design.samples as number, parameters.length, design.seed));
    case 'sobol':
      return fromUnit(saltelliDesign(design.samples as number, parameters.length, design.seed));
    case 'morris':
      return fromUnit(morrisDesign(design.trajectories as number, parameters.length, design.seed));
    case 'points':
      return design.points as Value[][];
  }
}

function specOf(path: string, values: string | Value[]): ValueSpec {
  if (typeof values === 'string') return parseValues(values, path);
  for (const v of values) {
    if (!(v === null || ['number', 'string', 'boolean'].includes(typeof v))) {
      throw new InputError(`parameter ${path}: values must be numbers, strings, booleans or null, got ${JSON.stringify(v)}`);
    }
  }
  if (values.length === 0) throw new InputError(`parameter ${path}: give at least one value`);
  return { kind: 'list', values: [...values] };
}

function checkedPoints(points: SweepDesign['points'], width: number): Value[][] {
  if (points === undefined || points.length === 0) throw new InputError('a points design needs at least one point');
  if (points.length > MAX_POINTS) throw new InputError(`a design may have at most ${MAX_POINTS} points, got ${points.length}`);
  return points.map((row, i) => {
    if (row.length !== width) throw new InputError(`point ${i} has ${row.length} values for ${width} parameters`);
    for (const v of row) {
      if (!(v === null || ['number', 'string', 'boolean'].includes(typeof v)) || (typeof v === 'number' && !Number.isFinite(v))) {
        throw new InputError(`point ${i}: values must be finite numbers, strings, booleans or null, got ${JSON.stringify(v)}`);
      }
    }
    return [...row];
  });
}

/** The full grid, the first parameter varying slowest. */
function gridPoints(parameters: Parameter[]): Value[][] {
  const levels = parameters.map((p) => gridLevels(p.spec as ValueSpec, p.name));
  const size = levels.reduce((n, l) => n * l.length, 1);
  if (size > MAX_POINTS) throw new InputError(`the grid has ${size} points, more than ${MAX_POINTS}; use --design lhs`);
  let points: Value[][] = [[]];
  for (const values of levels) points = points.flatMap((point) => values.map((v) => [...point, v]));
  return points;
}

/**
 * Refuses samples above MAX_POINTS, and a Sobol or Morris design whose runs would be
 * over MAX_RUNS, before its points are drawn: a point is an array, so
 * `--trajectories 1e9` drew for minutes and then ran out of memory before
 * planWithPoints could count the runs. A null count is not checked. `prefix` goes
 * before the count's name: '--' where the counts are the command's options.
 */
export function checkDesignCounts(kind: DesignKind, parameters: number, samples: number | null, trajectories: number | null, replications: number, prefix = ''): void {
  if (samples !== null && samples > MAX_POINTS) throw new InputError(`${prefix}samples must be at most ${MAX_POINTS}, got ${samples}`);
  let points: number;
  let what: string;
  if (kind === 'sobol' && samples !== null) {
    points = samples * (parameters + 2);
    what = `${prefix}samples ${samples} × (${counted(parameters, 'parameter')} + 2)`;
  } else if (kind === 'morris' && trajectories !== null) {
    points = trajectories * (parameters + 1);
    what = `${prefix}trajectories ${trajectories} × (${counted(parameters, 'parameter')} + 1)`;
  } else {
    return;
  }
  const runs = points * replications;
  if (runs > MAX_RUNS) {
    throw new InputError(`${what} = ${counted(points, 'point')} × ${counted(replications, 'replication')} = ${counted(runs, 'run')}, above the limit of ${formatCount(MAX_RUNS)}`);
  }
}

function wholeNumber(name: string, value: number, min: number): void {
  if (!Number.isSafeInteger(value) || value < min) throw new InputError(`${name} must be a whole number of at least ${min}, got ${typeof value === 'string' ? JSON.stringify(value) : value}`);
}

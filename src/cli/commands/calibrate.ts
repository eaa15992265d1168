// `evacsim calibrate <scenario> --free PATH=LOW:HIGH …`: approximate Bayesian
// computation by rejection. Draws parameter sets over the free ranges (a
// seeded Latin hypercube), runs each with the sweep machinery (workers, shards,
// resume, merge), and reports the sets that meet every target of the scenario,
// the acceptance rate and each free parameter's accepted range.

import type { Argv } from 'yargs';
import { UsageError } from '../usage-error.js';
import { CALIBRATION_METRICS } from '../../sweep/calibration.js';
import { checkDesignCounts } from '../../sweep/design.js';
import { InputError } from '../../errors.js';
import { splitAssignment } from '../../sweep/path.js';
import { parseValues, type ValueSpec } from '../../sweep/values.js';
import { type Command, defineCommand, type Io } from '../command.js';
import { loadCheckedFile } from '../load.js';
import { checkedPlan } from '../../sweep/sweep.js';
import { checkWholeNumber } from '../whole-number.js';
import { metricsOf, runSweepCommand, sweepRunOptions, type SweepRunArgs } from './sweep.js';

export interface CalibrateArgs extends SweepRunArgs {
  free?: string | string[];
  samples: number;
}

export const calibrateCommand: Command = defineCommand({
  repeatable: ['free', 'set', 'metric'],
  command: 'calibrate <scenario>',
  describe: "find the parameter sets that meet every target of the scenario (approximate Bayesian computation by rejection over --free ranges)",
  options: calibrateOptions,
  handle: (args, io) => calibrate(args, io),
});

/** Declares the positional and options of `evacsim calibrate`. */
export function calibrateOptions(yargs: Argv) {
  return sweepRunOptions(yargs)
    .option('free', { type: 'string', describe: 'PATH=LOW:HIGH, repeatable: a free parameter and its prior range (uniform), as --set takes it (2h:12h for durations)' })
    .option('samples', { type: 'number', default: 200, describe: 'parameter sets drawn (a Latin hypercube over the free ranges)' });
}

/** Runs the command; resolves to the exit code. */
export async function calibrate(args: CalibrateArgs, io: Io): Promise<number> {
  const free = args.free === undefined ? [] : ([] as string[]).concat(args.free);
  if (free.length === 0) throw new UsageError('name at least one free parameter with --free PATH=LOW:HIGH');
  checkWholeNumber('--samples', args.samples, 1);
  checkDesignCounts('lhs', free.length, args.samples, null, args.replications, '--');
  const ranges = free.map(freeParameter);
  const parameters = ranges.map(({ path, values }) => ({ path, values }));
  parameters.forEach((p, i) => {
    if (parameters.findIndex((q) => q.path === p.path) < i) throw new UsageError(`--free ${p.path} is given twice; give each free parameter once`);
  });
  const { scenario, value: raw } = loadCheckedFile(args.scenario, { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  // Each range's two ends first: a range reaching outside what the field takes is one
  // message per end, not one per draw that happened to fall outside it.
  for (const { path, from, to } of ranges) checkedPlan(raw, { parameters: [{ path, values: `${from},${to}` }] }, { allowLarge: args.allowLarge });
  if (scenario.targets.length === 0) throw new UsageError(`${args.scenario} has no targets to calibrate against; add "targets" to the scenario`);
  const chosen = metricsOf(args) ?? scenario.targets.map((_, i) => `targets[${i}].actual`);
  const metrics = [...CALIBRATION_METRICS.filter((m) => !chosen.includes(m)), ...chosen];
  const design = {
    parameters,
    kind: 'lhs' as const,
    samples: args.samples,
    replications: args.replications,
    seed: args.seed,
    commonSeeds: args.commonSeeds,
    metrics,
  };
  return runSweepCommand(args, design, { compareTo: null, format: args.format, calibration: true }, io);
}

/**
 * The free parameter `--free text`: a path and a range LOW:HIGH (numbers, or
 * durations in one unit such as 2h:12h), LOW below HIGH, optionally with a
 * step (LOW:HIGH:STEP draws those levels only), with its two ends as numbers
 * (seconds for durations). Throws UsageError otherwise.
 */
export function freeParameter(text: string): { path: string; values: string; from: number; to: number } {
  let assignment: { path: string; values: string };
  try {
    assignment = splitAssignment(text);
  } catch {
    throw new UsageError(`--free ${text}: expected PATH=LOW:HIGH, such as households.carShare=0.45:0.85`);
  }
  const { path, values } = assignment;
  const example = `as in ${path}=0.5:0.9, or 2h:12h for durations`;
  let spec: ValueSpec;
  try {
    spec = parseValues(values, path);
  } catch (error) {
    if (error instanceof InputError) throw new UsageError(error.message.replace(/^--set /, '--free '));
    throw error;
  }
  if (spec.kind !== 'range') throw new UsageError(`--free ${text}: give a range LOW:HIGH, ${example} (a list or a single value is not a range)`);
  if (!(spec.from < spec.to)) throw new UsageError(`--free ${text}: LOW must be below HIGH, ${example}`);
  return { ...assignment, from: spec.from, to: spec.to };
}

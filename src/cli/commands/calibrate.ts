// `evacsim calibrate <scenario> --free PATH=LOW:HIGH …`: approximate Bayesian
// computation by rejection. Draws parameter sets over the free ranges (a
// seeded Latin hypercube), runs each with the sweep machinery (workers, shards,
// resume, merge), and reports the sets that meet every target of the scenario,
// the acceptance rate and each free parameter's accepted range.

import type { Argv } from 'yargs';
import { UsageError } from '../usage-error.js';
import { CALIBRATION_METRICS } from '../../sweep/calibration.js';
import { splitAssignment } from '../../sweep/path.js';
import { type Command, defineCommand, type Io } from '../command.js';
import { loadChecked } from '../load.js';
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
  const scenario = loadChecked(args.scenario, { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  if (scenario.targets.length === 0) throw new UsageError(`${args.scenario} has no targets to calibrate against; add "targets" to the scenario`);
  const chosen = metricsOf(args) ?? scenario.targets.map((_, i) => `targets[${i}].actual`);
  const metrics = [...CALIBRATION_METRICS.filter((m) => !chosen.includes(m)), ...chosen];
  const design = {
    parameters: free.map(splitAssignment),
    kind: 'lhs' as const,
    samples: args.samples,
    replications: args.replications,
    seed: args.seed,
    commonSeeds: args.commonSeeds,
    metrics,
  };
  return runSweepCommand(args, design, { compareTo: null, format: args.format, calibration: true }, io);
}

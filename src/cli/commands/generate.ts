// `evacsim generate grid|corridor|region --people N --seed S`: writes a synthetic
// scenario, to stdout or `--out file.json`. The same arguments always give the
// same file; benchmarks and stress tests use them.
import type { Argv } from 'yargs';
import { type Command, defineCommand } from '../command.js';
import { GENERATOR_KINDS, generate, scenarioJson, type GeneratorKind } from '../../generate/index.js';
import { UsageError } from '../usage-error.js';
import { checkTargets, writeFileAtomic } from '../write.js';
import { oneOf } from '../choices.js';
import { refuseUnreadableScenarioName } from '../scenario-name.js';

export interface GenerateArgs {
  kind: GeneratorKind;
  people: number;
  seed: number;
  side?: number;
  out?: string;
}

/** More people than this would not fit a scenario file in memory. */
const MAX_PEOPLE = 100_000_000;
/** A million junctions: about 320 MB of JSON, which still loads; 1,300 per side would not fit one string. */
const MAX_SIDE = 1_000;

export const generateCommand: Command = defineCommand({
  command: 'generate <kind>',
  describe: 'write a synthetic scenario: a street grid, a bottleneck corridor or a border region',
  options: generateOptions,
  handle: (args, io) => generateFile(args, io.out),
});

export function generateOptions(yargs: Argv) {
  return yargs
    .positional('kind', {
      ...oneOf('generate <kind>', GENERATOR_KINDS),
      demandOption: true,
      describe: 'grid: a city street grid, everyone by car; corridor: one road with a bottleneck; region: towns, a front, shelters and buses',
    })
    .option('people', { type: 'number', default: 10_000, describe: 'people in the scenario (corridor: one car each)' })
    .option('seed', { type: 'number', default: 1, describe: 'seed of the generator, also the scenario seed' })
    .option('side', { type: 'number', describe: 'grid and region: junctions per side (default: about 100 people per junction; a region at least 6)' })
    .option('out', { type: 'string', describe: 'file to write (default: stdout)' });
}

function wholeNumber(name: string, value: number | undefined, min: number, max: number): void {
  if (value === undefined) return;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got ${value}`);
  }
}

/** Writes the scenario; returns the exit code. */
export function generateFile(args: GenerateArgs, print: (text: string) => void): number {
  wholeNumber('people', args.people, 1, MAX_PEOPLE);
  wholeNumber('seed', args.seed, 0, Number.MAX_SAFE_INTEGER);
  wholeNumber('side', args.side, 3, MAX_SIDE);
  if (args.side !== undefined && args.kind === 'corridor') throw new UsageError('--side is for grid and region; a corridor has no side');
  // The scenario is JSON, which the .yaml reader also reads.
  refuseUnreadableScenarioName(args.out);
  if (args.out !== undefined) checkTargets([args.out]);
  const file = generate(args.kind, { people: args.people, seed: args.seed, side: args.side });
  const text = scenarioJson(file);
  if (args.out === undefined) {
    print(text);
    return 0;
  }
  writeFileAtomic(args.out, text);
  const { nodes, roads } = file.network;
  print(`wrote ${args.out}: ${file.name}, ${args.people} people, ${nodes.length} nodes, ${roads.length} roads, ${file.settlements.length} settlements\n`);
  return 0;
}

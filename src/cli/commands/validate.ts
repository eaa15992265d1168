// `evacsim validate <scenario>`: parse and check a scenario; every problem as a
// `path: message` line (exit 2), or a one-line description of what it holds
// followed by `warning:` lines for what is legal but suspicious (exit 0).
import type { Argv } from 'yargs';
import { type Command, defineCommand, type Io } from '../command.js';
import { simulationProgress } from '../progress.js';
import { checkedVariant, compiledNetwork, fileWarnings, loadCheckedFile, loadOptions, SCENARIO_FILE } from '../load.js';
import { beforeRunWarnings, scenarioWarnings } from '../../check/warnings.js';
import { variantWarnings } from '../../check/variant-warnings.js';
import { BASE_VARIANT, variantsOf } from '../../scenario/variants.js';
import { warningLine } from '../../check/warning.js';
import { unfinishedAtHorizon } from '../../check/unfinished.js';
import { counted } from '../../report/format.js';

export interface ValidateArgs {
  scenario: string;
  allowLarge: boolean;
  allowPaths: boolean;
  quiet?: boolean;
}

export const validateCommand: Command = defineCommand({
  command: 'validate <scenario>',
  describe: 'check a scenario file; every problem as "path: message"',
  options: validateOptions,
  handle: (args, io) => validate(args, io.out, io),
});

export function validateOptions(yargs: Argv) {
  return loadOptions(yargs)
    .positional('scenario', { type: 'string', demandOption: true, describe: SCENARIO_FILE })
    .option('quiet', { type: 'boolean', default: false, describe: 'no progress bar on a terminal while the scenario runs (shown for runs longer than 2 s)' });
}

/** Validates; `io`, when given, shows the progress of the check's run on a terminal (`simulationProgress`). */
export function validate(args: ValidateArgs, print: (text: string) => void, io?: Io): number {
  const options = { allowLarge: args.allowLarge, allowPaths: args.allowPaths };
  const { scenario: s, value: raw } = loadCheckedFile(args.scenario, options);
  // Each variant is held to the limits a run of it is (run --variant, ete): refused before "ok".
  const checked = variantsOf(raw).map((v, i) => ({ name: v.name, scenario: checkedVariant(s, raw, v, i, options) }));
  const people = s.settlements.reduce((sum, x) => sum + x.population, 0);
  print(
    `ok: ${s.name}: ${counted(s.network.nodes.length, 'node')}, ${counted(s.network.roads.length, 'road')}, ` +
      `${counted(s.settlements.length, 'settlement')} (${counted(people, 'person', 'people')}), ` +
      `${counted(s.shelters.length, 'shelter or exit', 'shelters and exits')}, ${counted(s.orders.length, 'order')}, ` +
      `${counted(s.fleets.length, 'fleet')}, ${counted(s.hazards.length, 'hazard')}, ${counted(s.targets.length, 'target')}\n`,
  );
  const unfinished = simulationProgress(s, args.quiet, io).follow((onBin) => unfinishedAtHorizon(s, compiledNetwork(s), onBin));
  // Then what only a variant makes, such as a facility no fleet serves: the warnings run and ete print, naming the variant.
  const variants = checked.map((v) => ({ name: v.name, warnings: beforeRunWarnings(v.scenario, compiledNetwork(v.scenario)) }));
  for (const w of variantWarnings([{ name: BASE_VARIANT, warnings: [...fileWarnings(s), ...scenarioWarnings(s), ...unfinished] }, ...variants])) print(warningLine(w));
  return 0;
}

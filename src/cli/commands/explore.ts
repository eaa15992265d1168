// `evacsim explore [scenario] [--port N]`: serves the what-if explorer for a
// scenario on 127.0.0.1 and prints its address; runs until interrupted.
import type { Argv } from 'yargs';
import { type Command, defineCommand } from '../command.js';
import { UsageError } from '../usage-error.js';
import { explorer } from '../../explore/explorer.js';
import { serve } from '../../explore/server.js';
import { builtInScenario } from '../paths.js';
import { loadCheckedFile, loadOptions, SCENARIO_FILE } from '../load.js';

export interface ExploreArgs {
  scenario?: string;
  port: number;
  allowLarge: boolean;
  allowPaths: boolean;
}

export const DEFAULT_PORT = 8737;

export const exploreCommand: Command = defineCommand({
  command: 'explore [scenario]',
  describe: 'open a what-if explorer for a scenario in the browser (served on 127.0.0.1)',
  options: exploreOptions,
  handle: (args, io) => explore(args, io.out),
});

export function exploreOptions(yargs: Argv) {
  return loadOptions(yargs)
    .positional('scenario', { type: 'string', describe: `${SCENARIO_FILE}; default: the built-in Kursk 2024 case` })
    .option('port', { type: 'number', default: DEFAULT_PORT, describe: 'port on 127.0.0.1 to serve on (0: any free port)' });
}

/** Serves the explorer until the process is interrupted (Ctrl+C); resolves to the exit code. */
export async function explore(args: ExploreArgs, print: (text: string) => void): Promise<number> {
  if (!Number.isInteger(args.port) || args.port < 0 || args.port > 65535) {
    throw new UsageError(`--port must be a whole number from 0 to 65535, got ${args.port}`);
  }
  const path = args.scenario ?? builtInScenario();
  const { scenario, value } = loadCheckedFile(path, { allowLarge: args.allowLarge, allowPaths: args.allowPaths });
  // The page's runs are held to the limits the file was loaded with.
  const { routes, actions, prepare } = explorer(value, scenario.name, { allowLarge: args.allowLarge });
  const server = await serve(routes, args.port, actions);
  print(`evacsim explore: ${scenario.name} at ${server.url} (Ctrl+C to stop)\n`);
  // While the browser opens the page.
  prepare();
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      void server.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
}

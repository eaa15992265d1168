// Every evacsim command, in the order `evacsim --help` lists them. Each is loaded
// only when needed: a run does not pay for the modules of the sweep, the import
// or the explorer.
import type { Command } from '../command.js';

export const COMMANDS: Record<string, () => Promise<Command>> = {
  run: async () => (await import('./run.js')).runCommand,
  validate: async () => (await import('./validate.js')).validateCommand,
  schema: async () => (await import('./schema.js')).schemaCommand,
  network: async () => (await import('./network.js')).networkCommand,
  ete: async () => (await import('./ete.js')).eteCommand,
  sweep: async () => (await import('./sweep.js')).sweepCommand,
  merge: async () => (await import('./merge.js')).mergeCommand,
  calibrate: async () => (await import('./calibrate.js')).calibrateCommand,
  generate: async () => (await import('./generate.js')).generateCommand,
  import: async () => (await import('./import.js')).importCommand,
  export: async () => (await import('./export.js')).exportCommand,
  explore: async () => (await import('./explore.js')).exploreCommand,
};

/**
 * The commands `argv` may need: only the named one when the first word names a
 * command; none for `--version` alone (0.3 s less to print it); every one otherwise
 * (for --help, or to report an unknown command).
 */
export async function commandsFor(argv: readonly string[]): Promise<Command[]> {
  const first = argv.find((a) => !a.startsWith('-'));
  if (first === undefined && argv.length === 1 && argv[0] === '--version') return [];
  const names = first !== undefined && Object.hasOwn(COMMANDS, first) ? [first] : Object.keys(COMMANDS);
  return Promise.all(names.map((name) => COMMANDS[name]()));
}

// `evacsim schema`: the JSON Schema of scenario files, for editors.
import { type Command, defineCommand } from '../command.js';
import { scenarioJsonSchema } from '../../scenario/json-schema.js';

export const schemaCommand: Command = defineCommand({
  command: 'schema',
  describe: 'print the JSON Schema of scenario files',
  options: (yargs) => yargs,
  handle: (_args, io) => schema(io.out),
});

export function schema(print: (text: string) => void): number {
  print(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  return 0;
}

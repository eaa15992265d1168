// Every evacsim command, in the order `evacsim --help` lists them.
import type { Command } from '../command.js';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';
import { schemaCommand } from './schema.js';
import { generateCommand } from './generate.js';

export const COMMANDS: Command[] = [
  runCommand,
  validateCommand,
  schemaCommand,
  generateCommand,
];

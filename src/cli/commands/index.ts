// Every evacsim command, in the order `evacsim --help` lists them.
import type { Command } from '../command.js';
import { runCommand } from './run.js';
import { validateCommand } from './validate.js';
import { schemaCommand } from './schema.js';
import { sweepCommand } from './sweep.js';
import { mergeCommand } from './merge.js';
import { generateCommand } from './generate.js';
import { importCommand } from './import.js';
import { exportCommand } from './export.js';
import { exploreCommand } from './explore.js';

export const COMMANDS: Command[] = [
  runCommand,
  validateCommand,
  schemaCommand,
  sweepCommand,
  mergeCommand,
  generateCommand,
  importCommand,
  exportCommand,
  exploreCommand,
];

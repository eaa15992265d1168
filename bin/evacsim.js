#!/usr/bin/env node
// The evacsim command: runs the compiled command line and exits with its code.
import { main } from '../dist/src/cli/main.js';

const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
process.exitCode = code;

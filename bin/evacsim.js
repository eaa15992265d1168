#!/usr/bin/env node
// The evacsim command: runs the compiled command line and exits with its code.
import { main } from '../dist/src/cli/main.js';
import { processIo } from '../dist/src/cli/stdio.js';

process.exitCode = await main(process.argv.slice(2), processIo());

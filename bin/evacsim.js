#!/usr/bin/env node
// The evacsim command: runs the bundled command line (dist/cli/, built by
// scripts/bundle-cli.mjs), which sets the exit code.
import '../dist/cli/evacsim.mjs';

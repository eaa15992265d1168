// Runs the evacsim command line exactly as bin/evacsim.js does (the bundle in
// dist/cli/, which sets the exit code), then writes its peak resident memory to
// file descriptor 3, so the benchmarks can measure a whole process (start-up
// included) as a user runs it.
import { writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/package-root.js';

await import(pathToFileURL(join(packageRoot(), 'dist', 'cli', 'evacsim.mjs')).href);
writeSync(3, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));

// Runs the evacsim command line exactly as bin/evacsim.js does, then writes its
// peak resident memory to file descriptor 3, so the benchmarks can measure a
// whole process (start-up included) as a user runs it.
import { writeSync } from 'node:fs';
import { main } from '../src/cli/main.js';

const code = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
});
writeSync(3, JSON.stringify({ maxRssBytes: process.resourceUsage().maxRSS * 1024 }));
process.exitCode = code;

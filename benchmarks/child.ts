// Runs the evacsim command line exactly as bin/evacsim.js does (the bundle in
// dist/cli/, which sets the exit code), then writes its peak resident memory to
// file descriptor 3, so the benchmarks can measure a whole process (start-up
// included) as a user runs it.
import { readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { packageRoot } from '../src/package-root.js';

await import(pathToFileURL(join(packageRoot(), 'dist', 'cli', 'evacsim.mjs')).href);
writeSync(3, JSON.stringify({ maxRssBytes: peakRssBytes() }));

/**
 * This process's peak resident memory. On Linux, getrusage's maxRSS keeps the
 * peak of the process image before exec, that is of the parent it was forked
 * from: a child of a 300 MB benchmark runner reports 300 MB however little it
 * uses. /proc/self/status's VmHWM is the peak of this image alone.
 */
function peakRssBytes(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm !== null) return Number(hwm[1]) * 1024;
  } catch {
    // not Linux: getrusage is the best there is
  }
  return process.resourceUsage().maxRSS * 1024;
}

// `npm run bench` (node dist/benchmarks/run.js [part…] [--quick]): runs the suite
// and prints its tables. Parts: hot-loop, scale, corridor, kursk, ete, fleet, files, network (default: all).
// --quick runs every part on small sizes, in seconds, without checking the
// targets (they are set for the full sizes). Exit code 1 when a target is missed.
import { PARTS, defaultOptions, runSuite, type Part } from './suite.js';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--quick' && !PARTS.includes(a as Part));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown argument ${unknown[0]}; use ${PARTS.join(', ')} or --quick\n`);
  process.exit(2);
}
const options = defaultOptions();
const parts = args.filter((a): a is Part => PARTS.includes(a as Part));
if (parts.length > 0) options.parts = parts;
if (args.includes('--quick')) {
  options.hotLoopPeople = 20_000;
  options.scalePeople = [2_000, 20_000];
  options.corridorPeople = [2_000, 20_000];
  options.fleetVehicles = [1_000, 10_000];
  options.filesPeople = 20_000;
  options.networkPeople = [20_000];
  options.checkTargets = false;
}
const ok = runSuite(options, (text) => process.stdout.write(text));
process.exitCode = ok ? 0 : 1;

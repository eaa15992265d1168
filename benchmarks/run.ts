// `npm run bench` (node dist/benchmarks/run.js [part…] [--quick] [--ten-million]):
// runs the suite and prints its tables. Parts: hot-loop, scale, corridor, kursk,
// ete, fleet, files, network (default: all). --quick runs every part on small
// sizes, in seconds, without checking the targets (they are set for the full
// sizes). --ten-million adds 10 million people to the scale series (some 25
// minutes and 1.5 GB). Exit code 1 when a target is missed.
import { totalmem } from 'node:os';
import { PARTS, defaultOptions, runSuite, type Part } from './suite.js';

const FLAGS = ['--quick', '--ten-million'];

const args = process.argv.slice(2);
const unknown = args.filter((a) => !FLAGS.includes(a) && !PARTS.includes(a as Part));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown argument ${unknown[0]}; use ${PARTS.join(', ')}, --quick or --ten-million\n`);
  process.exit(2);
}
if (args.includes('--ten-million') && args.includes('--quick')) {
  process.stderr.write('bench: --ten-million and --quick exclude each other\n');
  process.exit(2);
}
if (args.includes('--ten-million') && totalmem() < 4 * 1024 ** 3) {
  process.stderr.write(`bench: --ten-million needs 4 GB of memory; this machine has ${(totalmem() / 1024 ** 3).toFixed(1)} GB\n`);
  process.exit(2);
}
const options = defaultOptions();
const parts = args.filter((a): a is Part => PARTS.includes(a as Part));
if (parts.length > 0) options.parts = parts;
if (args.includes('--ten-million')) options.scalePeople = [...options.scalePeople, 10_000_000];
if (args.includes('--quick')) {
  options.hotLoopPeople = 20_000;
  options.hotLoopCachedPeople = 2_000;
  options.scalePeople = [2_000, 20_000];
  options.regionPeople = [20_000];
  options.corridorPeople = [2_000, 20_000];
  options.fleetVehicles = [1_000, 10_000];
  options.filesPeople = 20_000;
  options.networkCases = [{ kind: 'grid', people: 20_000 }, { kind: 'region', people: 20_000 }];
  options.checkTargets = false;
}
const ok = runSuite(options, (text) => process.stdout.write(text));
process.exitCode = ok ? 0 : 1;

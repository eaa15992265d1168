// `node dist/benchmarks/side-by-side-main.js FIRST SECOND SCENARIO [--pairs N]`:
// runs SCENARIO from two built checkouts at once, N times (default 5), and prints
// both times per pair, their means and whether the summaries were identical
// (side-by-side.ts). Exit code 2 for bad arguments or a failed run.
import { parseArgs } from 'node:util';
import { sideBySide, sideBySideTable } from './side-by-side.js';

const USAGE = 'usage: side-by-side-main.js FIRST_CHECKOUT SECOND_CHECKOUT SCENARIO [--pairs N]';

try {
  const { values, positionals } = parseArgs({ options: { pairs: { type: 'string', default: '5' } }, allowPositionals: true });
  const pairs = Number(values.pairs);
  if (positionals.length !== 3) throw new Error(USAGE);
  if (!Number.isInteger(pairs) || pairs < 1) throw new Error(`--pairs: must be a whole number of at least 1, got ${values.pairs}`);
  const [first, second, scenario] = positionals;
  process.stdout.write(sideBySideTable(await sideBySide(first, second, scenario, pairs)));
} catch (error) {
  process.stderr.write(`side-by-side: ${(error as Error).message}\n`);
  process.exitCode = 2;
}

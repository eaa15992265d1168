// Orders the test files so that the long ones start first: the browser tests
// wait on Chromium, so started early they overlap the CPU-bound files in the
// other worker instead of running alone at the end. The Slurm test goes last:
// its jobs run in the background from the global setup, and it waits for them. Vitest orders by the durations it cached from the
// last run, but a fresh clone has none.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files known to be slow, longest first (paths from the root, `/`-separated). */
export const SLOW_FILES = [
  'tests/explore/browser.test.ts',
  'tests/reliability/fuzz.test.ts',
  'tests/benchmarks/explorer.test.ts',
  'tests/cli/hardening.test.ts',
  'tests/benchmarks/smoke.test.ts',
  'tests/sweep/cli.test.ts',
  'tests/reliability/hostile.test.ts',
  'tests/sweep/kubernetes.test.ts',
  'tests/html/browser.test.ts',
];

/** Files that wait on work started by the global setup: last, so that work has had time. */
export const LAST_FILES = ['tests/sweep/slurm.test.ts'];

function rank(spec: TestSpecification): number {
  if (LAST_FILES.some((f) => spec.moduleId.endsWith(f))) return SLOW_FILES.length + 1;
  const i = SLOW_FILES.findIndex((f) => spec.moduleId.endsWith(f));
  return i === -1 ? SLOW_FILES.length : i;
}

/** Vitest's own order, with the known slow files moved to the front. */
export class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    return sorted.map((spec, i) => ({ spec, i })).sort((a, b) => rank(a.spec) - rank(b.spec) || a.i - b.i).map(({ spec }) => spec);
  }
}

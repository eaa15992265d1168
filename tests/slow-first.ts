// Orders the test files so that the long ones start first: the Slurm test
// mostly waits on its scheduler and the browser tests on Chromium, so started
// early they overlap the CPU-bound files in the other workers instead of
// running alone at the end. Vitest orders by the durations it cached from the
// last run, but a fresh clone has none.
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** Files known to be slow, longest first (paths from the root, `/`-separated). */
export const SLOW_FILES = [
  'tests/sweep/slurm.test.ts',
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

function rank(spec: TestSpecification): number {
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

// The tests that exercise the simulation core, for mutation testing (stryker.config.mjs):
// the core's own tests, phenomenon and property tests, the behaviour tests of the core's
// rules and the golden summaries. Command-line, report and browser tests are left out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/{engine,traffic,logistics,demand,simulation,hazards,network,mutants,golden}/**/*.test.ts',
    ],
    testTimeout: 60_000,
    pool: 'forks',
  },
});

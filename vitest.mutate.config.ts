// The tests that exercise the simulation core, for mutation testing (stryker.config.mjs):
// the core's own tests, phenomenon and property tests, the behaviour tests of the core's
// rules and the golden summaries. Command-line, report and browser tests are left out.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/{engine,traffic,logistics,demand,simulation,hazards,network,mutants,golden}/**/*.test.ts',
    ],
    // Stryker's instrumented code runs slower: the property tests need more than a minute.
    testTimeout: 300_000,
    pool: 'forks',
  },
});

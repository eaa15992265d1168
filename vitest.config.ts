import { defineConfig } from 'vitest/config';
import { SlowFirstSequencer } from './tests/slow-first.js';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/global-setup.ts'],
    setupFiles: ['tests/fast-check-seed.ts'],
    testTimeout: 60_000,
    pool: 'forks',
    // Test files share a worker's module cache instead of each importing the
    // code base afresh: on 102 of the files this took the CPU time from about
    // 140 s to 64 s. Tests must leave no global state behind (process.env,
    // listeners); the one test that sets TZ puts it back.
    isolate: false,
    // Vitest's default on 2 cores is one worker, which ran the files one after
    // another while the Slurm and browser tests mostly waited. Two workers:
    // vitest 180 s to 89 s wall; a third imported the code base once more and
    // cost 18 s more CPU than it saved in waiting.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
  },
});

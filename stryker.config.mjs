// Mutation testing of the simulation core (`npm run mutate`; slow, so not part of CI):
// StrykerJS changes one operator, condition or constant of src/engine, src/traffic,
// src/logistics or src/demand at a time and runs the tests that cover it; a change
// no test notices survives. `npm run mutate -- --mutate src/logistics/fleets.ts`
// checks one file. The score and the survivors are in reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts' },
  mutate: ['src/engine/**/*.ts', 'src/traffic/**/*.ts', 'src/logistics/**/*.ts', 'src/demand/**/*.ts', '!src/**/index.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  tempDirName: '.stryker-tmp',
  // Stryker rewrites the tsconfig of its sandbox through TypeScript's JavaScript API, which
  // TypeScript 7 does not have; vitest compiles with esbuild and needs no tsconfig, so none is named.
  tsconfigFile: 'no-tsconfig-for-mutation.json',
  cleanTempDir: 'always',
};

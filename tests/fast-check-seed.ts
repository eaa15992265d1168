// Property tests draw their cases from one fixed seed, so every run of npm test
// (and CI) checks the same cases and a failure can be reproduced. FC_SEED=<n>
// explores other cases; a failure prints the seed and path that replay it.
import fc from 'fast-check';

fc.configureGlobal({ seed: process.env.FC_SEED === undefined ? 20261202 : Number(process.env.FC_SEED) });

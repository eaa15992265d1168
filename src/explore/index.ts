// The what-if explorer: parameters written into a scenario, one run evaluated
// for the page, the page's files and the local server that offers them.

export { type Parameters, applyParameters, durationText, readParameters, scaleCompliance, scaleMedian, shiftOrders } from './parameters.js';
export { type Outcome, evaluate } from './evaluate.js';
export { explorerRoutes } from './explorer.js';
export { HOST, type RunningServer, type Routes, serve } from './server.js';

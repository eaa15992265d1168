export { delaySampler, normalQuantile, binomial } from './distributions.js';
export { assignOrders } from './orders.js';
export { buildDemand, type Demand } from './households.js';

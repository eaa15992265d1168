export { EventQueue } from './event-queue.js';
export { Clock, type Dispatch } from './clock.js';
export { rng, type Random } from './rng.js';

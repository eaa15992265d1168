// Hot loop: events and link traversals per second of the engine and traffic loop
// on a generated street grid, beside a bare typed-array heap doing as many
// pop/push pairs while holding as many events as the engine has pending, measured
// in the same process: the ceiling of an engine that keeps its events in a heap.
// The ratio says how the whole loop compares with that ceiling. The bare heap is
// also timed at the number of events in the clock's timing wheel, which leaves out
// the events waiting in its due-now ring and late queue. The machine's memory
// latency is measured last, since the loop's time at a million people moves with it,
// over a block larger than any cache and over one the cache holds on a calm day.
import { generate } from '../src/generate/index.js';
import { buildGraph } from '../src/network/build-graph.js';
import { compile } from '../src/network/compile.js';
import { parseScenario } from '../src/scenario/parse.js';
import { simulate } from '../src/simulation/simulate.js';
import { bareHeapRate } from './bare-heap.js';
import { meanQueueLengths } from './queue-length.js';
import { CACHE_BLOCK_BYTES, memoryLatencyNs } from './memory-latency.js';

export interface HotLoopResult {
  people: number;
  nodes: number;
  links: number;
  vehicles: number;
  events: number;
  linkTraversals: number;
  /** Seconds to build the scenario's graphology road graph (buildGraph). */
  graphSeconds: number;
  /** Seconds to compile that graph into typed arrays (compile). */
  compileSeconds: number;
  /** Seconds of one simulate() on the compiled network, demand and state set-up included. */
  simulateSeconds: number;
  /** Seconds of the same run stopped at its first instant: the set-up alone. */
  setupSeconds: number;
  /** simulateSeconds − setupSeconds: the event loop. */
  seconds: number;
  eventsPerSecond: number;
  traversalsPerSecond: number;
  /** Mean events scheduled and not yet dispatched. */
  meanPending: number;
  /** Mean events in the clock's timing wheel (not in its due-now ring or late queue). */
  meanHeap: number;
  /** Bare heap pairs per second holding `meanPending` events. */
  bareHeapPairsPerSecond: number;
  /** Bare heap pairs per second holding `meanHeap` events. */
  bareHeapAtHeapLength: number;
  /** eventsPerSecond / bareHeapPairsPerSecond. */
  ratio: number;
  /** Nanoseconds per dependent random read over 64 MB, in the same process (memory-latency.ts). */
  memoryLatencyNs: number;
  /** Nanoseconds per dependent random read over 4 MB: the cache the run had (memory-latency.ts). */
  cacheLatencyNs: number;
}

/** Runs the hot-loop benchmark on the grid of `people` people (seeded): a warm-up run, then the best of `rounds`. */
export function hotLoop(people: number, seed = 1, rounds = 2): HotLoopResult {
  const scenario = parseScenario(generate('grid', { people, seed }));
  const best = (run: () => void) => {
    let fastest = Infinity;
    for (let round = 0; round < rounds; round++) {
      const started = performance.now();
      run();
      fastest = Math.min(fastest, (performance.now() - started) / 1000);
    }
    return fastest;
  };
  let graph = buildGraph(scenario);
  const graphSeconds = best(() => (graph = buildGraph(scenario)));
  let network = compile(graph);
  const compileSeconds = best(() => (network = compile(graph)));
  let result = simulate(scenario, { network });
  const simulateSeconds = best(() => (result = simulate(scenario, { network })));
  const firstInstant = { ...scenario, horizon: Number.MIN_VALUE };
  const setupSeconds = best(() => simulate(firstInstant, { network }));
  // On tiny runs timer noise can make the set-up look longer than the run: never count it as more than half.
  const seconds = simulateSeconds - Math.min(setupSeconds, simulateSeconds / 2);
  // Measured after the timed runs: counting instruments the queue and would slow them.
  const lengths = meanQueueLengths(scenario, network);
  const { events, linkTraversals } = result.engine;
  const heapRate = bareHeapRate(Math.round(lengths.pending), events, seed);
  return {
    people,
    nodes: network.nodeCount,
    links: network.linkCount,
    vehicles: result.vehicles.cars + result.vehicles.fleet,
    graphSeconds,
    compileSeconds,
    events,
    linkTraversals,
    simulateSeconds,
    setupSeconds,
    seconds,
    eventsPerSecond: events / seconds,
    traversalsPerSecond: linkTraversals / seconds,
    meanPending: lengths.pending,
    meanHeap: lengths.heap,
    bareHeapPairsPerSecond: heapRate,
    bareHeapAtHeapLength: bareHeapRate(Math.round(lengths.heap), events, seed),
    ratio: events / seconds / heapRate,
    memoryLatencyNs: memoryLatencyNs(),
    cacheLatencyNs: memoryLatencyNs(CACHE_BLOCK_BYTES),
  };
}

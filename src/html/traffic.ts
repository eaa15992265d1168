// Traffic on the map over time: a run with a link observer (simulate's `trace`)
// that counts, at 0 and at every report-bin end, the vehicles on each road (and
// how many of them are fleet vehicles), the vehicles that left each road in the
// bin, and the vehicles held in each node's origin queue. The simulation keeps
// only whole-run link totals; the map that plays needs these per instant.

import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { binEnds } from '../report/bins.js';
import { type CompiledNetwork, compileScenario } from '../network/compile.js';
import { type LinkTrace, simulate, type SimulateOptions } from '../simulation/simulate.js';
import { TrafficRecorder, type TrafficSeries } from './traffic-recorder.js';

export type { TrafficSeries };

export interface TracedRun {
  result: SimulationResult;
  traffic: TrafficSeries;
}

/**
 * Runs `scenario` (with `seed` when given) and records its traffic over time.
 * The result is the one simulate() gives without the observer. `net` is the
 * scenario's compiled network, when the caller has it already.
 */
export function simulateWithTraffic(
  scenario: Scenario, seed?: number, also?: SimulateOptions['trace'], net: CompiledNetwork = compileScenario(scenario),
  onBin?: SimulateOptions['onBin'],
): TracedRun {
  const recorder = new TrafficRecorder(net, scenario);
  const record = recorder.trace;
  const trace: LinkTrace = also === undefined ? record : (link, vehicle, time, entering, lost) => {
    also(link, vehicle, time, entering, lost);
    record(link, vehicle, time, entering, lost);
  };
  const result = simulate(scenario, { seed, network: net, trace, onBin });
  const times = [0, ...binEnds(result.endTime, scenario.reportBinSeconds)];
  return { result, traffic: recorder.series(times, scenario.network.roads.map((road) => road.id)) };
}

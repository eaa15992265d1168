// The corridor of the link-congestion tests, run with a LinkRecorder: forty cars set off
// at once and enter r one second apart; e lets one out every 6 s.
//
//   town ── r: 1 km, 40 km/h (f = 90 s), 3,600 veh/h ── b ── e: 1 km, 600 veh/h ── exit
import { compileScenario } from '../../src/network/compile.js';
import { LinkRecorder } from '../../src/report/link-congestion.js';
import type { HazardSpec } from '../../src/scenario/types.js';
import { simulate } from '../../src/simulation/simulate.js';
import { exit, order, road, scenario, settlement } from './build.js';

/** Cars leaving the town. */
export const CORRIDOR_CARS = 40;
/** Report bin, seconds. */
export const CORRIDOR_BIN = 60;

/** The run under `hazards`, and its links' congestion in bins of CORRIDOR_BIN. */
export function recordedCorridor(hazards: HazardSpec[] = []) {
  const s = scenario({
    nodes: ['town', 'b', 'exit'],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'b', x: 1000, y: 0 }, { id: 'exit', x: 2000, y: 0 }],
      roads: [road('r', 'town', 'b', { capacityVehPerHour: 3600 }), road('e', 'b', 'exit', { capacityVehPerHour: 600 })],
    },
    settlements: [settlement('town', 'town', CORRIDOR_CARS)],
    shelters: [exit('exit', 'exit')],
    orders: [order(['town'])],
    hazards,
    reportBinSeconds: CORRIDOR_BIN,
  });
  const recorder = new LinkRecorder();
  const result = simulate(s, { trace: recorder.trace });
  return { result, links: recorder.congestion(result, compileScenario(s), CORRIDOR_BIN) };
}

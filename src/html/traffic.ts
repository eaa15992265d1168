// Traffic on the map over time: a run with a link observer (simulate's `trace`)
// that counts, at 0 and at every report-bin end, the vehicles on each road (and
// how many of them are fleet vehicles), the vehicles that left each road in the
// bin, and the vehicles held in each node's origin queue. The simulation keeps
// only whole-run link totals; the map that plays needs these per instant.

import type { SimulationResult } from '../result.js';
import type { Scenario } from '../scenario/types.js';
import { binEnds } from '../report/bins.js';
import { compileScenario } from '../network/compile.js';
import { simulate, type SimulateOptions } from '../simulation/simulate.js';

export interface TrafficSeries {
  /** 0 and every report-bin end, as in ReportSeries.times. */
  times: number[];
  /** Per scenario road (both directions), at each instant. */
  roads: { id: string; onRoad: number[]; fleetOnRoad: number[]; passed: number[] }[];
  /** Nodes whose origin queue ever held a vehicle: vehicles waiting to enter the network there. */
  origins: { node: string; queued: number[] }[];
}

export interface TracedRun {
  result: SimulationResult;
  traffic: TrafficSeries;
}

/**
 * Runs `scenario` (with `seed` when given) and records its traffic over time.
 * The result is the one simulate() gives without the observer.
 */
export function simulateWithTraffic(scenario: Scenario, seed?: number, also?: SimulateOptions['trace']): TracedRun {
  const net = compileScenario(scenario);
  const links = net.linkCount;
  const nodes = net.nodeCount;
  const roads = scenario.network.roads.length;
  // Vehicles [0, F) are the fleets' (SimState's numbering); the rest are cars.
  const fleetVehicles = scenario.fleets.reduce((sum, f) => sum + f.vehicles, 0);
  const bin = scenario.reportBinSeconds;
  const onLink = new Int32Array(links + 2 * nodes);
  const fleetOnLink = new Int32Array(links);
  const passed = new Int32Array(roads);
  const snapshots: { onRoad: Int32Array; fleet: Int32Array; passed: Int32Array; queued: Int32Array }[] = [];

  const snapshot = () => {
    const onRoad = new Int32Array(roads);
    const fleet = new Int32Array(roads);
    for (let l = 0; l < links; l++) {
      onRoad[net.linkRoad[l]] += onLink[l];
      fleet[net.linkRoad[l]] += fleetOnLink[l];
    }
    const queued = new Int32Array(nodes);
    for (let n = 0; n < nodes; n++) queued[n] = onLink[links + n] + onLink[links + nodes + n];
    snapshots.push({ onRoad, fleet, passed: passed.slice(), queued });
    passed.fill(0);
  };
  // The state at instant k·bin holds every event up to and including it.
  const catchUp = (time: number) => {
    while (snapshots.length * bin < time) snapshot();
  };

  const result = simulate(scenario, {
    seed,
    network: net,
    trace: (link, vehicle, time, entering) => {
      also?.(link, vehicle, time, entering);
      catchUp(time);
      onLink[link] += entering ? 1 : -1;
      if (link >= links) return;
      if (vehicle < fleetVehicles) fleetOnLink[link] += entering ? 1 : -1;
      if (!entering) passed[net.linkRoad[link]]++;
    },
  });
  const times = [0, ...binEnds(result.endTime, bin)];
  // Instants past the last event (and the run's end) see the final state.
  while (snapshots.length < times.length) snapshot();
  const column = <K extends 'onRoad' | 'fleet' | 'passed' | 'queued'>(key: K, i: number) =>
    times.map((_, k) => snapshots[k][key][i]);
  const origins: TrafficSeries['origins'] = [];
  for (let n = 0; n < nodes; n++) {
    const queued = column('queued', n);
    if (queued.some((v) => v > 0)) origins.push({ node: net.nodeIds[n], queued });
  }
  return {
    result,
    traffic: {
      times,
      roads: scenario.network.roads.map((road, i) => ({
        id: road.id,
        onRoad: column('onRoad', i),
        fleetOnRoad: column('fleet', i),
        passed: column('passed', i),
      })),
      origins,
    },
  };
}

// Shelter registration as a D/D/1 queue: arrivals from a run on one road (one
// person per car, 6 s apart at the road's 600 veh/h) registered at a slower
// constant rate. The closed forms of a deterministic queue give its peak, its
// waits and when it clears.
//
//   town ──── 5 km ──── shelter (processing 300 people/h: 12 s each)
import { describe, expect, test } from 'vitest';
import { registrationQueues } from '../../src/report/registration.js';
import { summarize } from '../../src/report/summary.js';
import { LogKind } from '../../src/result.js';
import { simulate } from '../../src/simulation/simulate.js';
import type { Scenario } from '../../src/scenario/types.js';
import { order, road, scenario, settlement } from '../helpers/build.js';

const N = 40;

function withShelter(processingPerHour: number | undefined): Scenario {
  return scenario({
    nodes: ['town', 'shelter'],
    network: { nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'shelter', x: 5000, y: 0 }], roads: [road('r', 'town', 'shelter', { lengthKm: 5 })] },
    settlements: [settlement('town', 'town', N)],
    shelters: [{ id: 'school', name: 'school', node: 'shelter', capacity: 1000, ...(processingPerHour === undefined ? {} : { processingPerHour }) }],
    orders: [order(['town'])],
  });
}

describe('registrationQueues', () => {
  test('match a D/D/1 queue: arrivals every a = 6 s, service s = 12 s', () => {
    const s = withShelter(300);
    const result = simulate(s);
    const first = result.log.time[Array.from(result.log.kind).indexOf(LogKind.Evacuated)];
    const a = 3600 / 600;
    const service = 3600 / 300;
    const [queue] = registrationQueues(result, s.shelters);
    expect(queue).not.toBeNull();
    // The k-th arrival (k from 0) waits k·(s − a); the last one finishes N·s after the first arrival.
    expect(queue!.clearedAt).toBeCloseTo(first + N * service, 6);
    expect(queue!.meanWaitSeconds).toBeCloseTo(((N - 1) / 2) * (service - a), 6);
    expect(queue!.maxWaitSeconds).toBeCloseTo((N - 1) * (service - a), 6);
    // Just after the last arrival, N have come and ⌊(N − 1)·a / s⌋ are done.
    expect(queue!.peakQueue).toBe(N - Math.floor(((N - 1) * a) / service));
    expect(queue!.arrived).toBe(N);
  });

  test('a server faster than the arrivals never queues anyone', () => {
    const s = withShelter(3600);
    const [queue] = registrationQueues(simulate(s), s.shelters);
    expect(queue).toMatchObject({ peakQueue: 1, meanWaitSeconds: 0, maxWaitSeconds: 0 });
  });

  test('the summary shows the queue only for shelters that register', () => {
    const without = withShelter(undefined);
    expect(summarize(simulate(without), without).shelters[0]).not.toHaveProperty('registration');
    const s = withShelter(300);
    expect(summarize(simulate(s), s).shelters[0].registration).toMatchObject({ processingPerHour: 300, arrived: N });
  });
});

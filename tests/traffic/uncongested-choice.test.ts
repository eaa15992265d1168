// Adaptive routing on roads that flow freely: a vehicle chooses the link after its own as
// it enters its own, so the vehicles now on that next link, moving at capacity flow, will
// have left it by the time it arrives. The estimate counts only the discharge still to
// come then (`linkEstimate(tr, link, lead)`, and the trees' estimates, `estimates.ts`);
// without the lead they counted as a queue, and a fifth to a half of the cars went to a
// farther exit on a network where nothing queued beyond the town.
//
//   town ──r1 (5 km)──► m ──r2 (5 km)──► near exit
//                        └──r3 (FAR km)──► far exit        60 km/h, 1,200 veh/h each
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/simulate.js';
import { LogKind } from '../../src/result.js';
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

function fork(mode: RoutingMode, farKm: number, nearCapacity = 1200): Scenario {
  const lane = { speedKmh: 60, capacityVehPerHour: 1200 };
  return scenario({
    nodes: ['town', 'm', 'near', 'far'],
    network: {
      nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'm', x: 5000, y: 0 }, { id: 'near', x: 10000, y: 0 }, { id: 'far', x: 5000, y: farKm * 1000 }],
      roads: [
        road('r1', 'town', 'm', { lengthKm: 5, ...lane }),
        road('r2', 'm', 'near', { lengthKm: 5, ...lane, capacityVehPerHour: nearCapacity }),
        road('r3', 'm', 'far', { lengthKm: farKm, ...lane }),
      ],
    },
    settlements: [settlement('town', 'town', 1000)],
    shelters: [exit('near', 'near'), exit('far', 'far')],
    orders: [order(['town'])],
    routing: { mode, periodSeconds: 120, smoothing: 0.5, iterations: 4, binSeconds: 300 },
  });
}

function run(s: Scenario): { near: number; far: number; last: number; congestion: number } {
  const r = simulate(s);
  let last = 0;
  for (let i = 0; i < r.log.length; i++) if (r.log.kind[i] === LogKind.Evacuated) last = r.log.time[i];
  const on = (id: string) => r.links.find((l) => l.id === id)?.vehicles ?? 0;
  return { near: on('r2'), far: on('r3'), last, congestion: r.vehicles.reroutedBy.congestion };
}

describe('adaptive routing where nothing queues', () => {
  it.each([5.5, 6, 8])('keeps every car on the shorter way when the far exit is %s km from the fork', (farKm) => {
    const r = run(fork('adaptive', farKm));
    expect(r).toMatchObject({ near: 1000, far: 0, congestion: 0 });
    // The town's departure queue is the only bottleneck: car k enters r1 at k × 3 s, then 600 s of road.
    expect(r.last).toBeCloseTo(999 * 3 + 600, 6);
  });

  it('gives the free-flow and equilibrium result', () => {
    const free = run(fork('free-flow', 6));
    expect(run(fork('adaptive', 6))).toEqual(free);
    expect(run(fork('equilibrium', 6))).toEqual(free);
  });

  /** town ─r0 (5 km)─► m1 ─r1 (5 km)─► m ─r2 (`nearKm`)─► near;  m1 ─r3 (`farKm`)─► far. */
  function partingEarlier(nearKm: number, farKm: number): Scenario {
    const s = fork('adaptive', 6);
    const lane = { speedKmh: 60, capacityVehPerHour: 1200 };
    s.network.nodes.push({ id: 'm1', x: 2500, y: 0 });
    s.network.roads = [
      road('r0', 'town', 'm1', { lengthKm: 5, ...lane }),
      road('r1', 'm1', 'm', { lengthKm: 5, ...lane }),
      road('r2', 'm', 'near', { lengthKm: nearKm, ...lane }),
      road('r3', 'm1', 'far', { lengthKm: farKm, ...lane }),
    ];
    return s;
  }

  it.each([
    // 900 s or 960 s from the town. The choice at m1 prices r2 from the trees: r2 flowing at capacity must not look queued.
    ['the ways part one link before the busy road (the trees)', 5, 11, 900],
    // 330 s or 390 s from m1. The ~100 cars on r1 at capacity are all bound for r2: 300 s of
    // discharge, all over when a car choosing at m1 gets to r2 (r1's 300 s later). Less r2's
    // own 30 s instead, r2 looked 270 s long.
    ['a short road after a long one is priced for a vehicle a whole road away (the trees\' lead)', 0.5, 6.5, 630],
  ])('keeps every car on the shorter way when %s', (_case, nearKm, farKm, lastTrip) => {
    const s = partingEarlier(nearKm, farKm);
    for (const mode of ['adaptive', 'equilibrium'] as const) {
      const r = run({ ...s, routing: { ...s.routing, mode } });
      expect(r).toMatchObject({ near: 1000, far: 0, congestion: 0 });
      expect(r.last).toBeCloseTo(999 * 3 + lastTrip, 6);
    }
  });

  it('still goes round a real queue: a near road of 300 veh/h sends cars to the far exit', () => {
    const free = run(fork('free-flow', 6, 300));
    const adaptive = run(fork('adaptive', 6, 300));
    expect(free.far).toBe(0);
    expect(adaptive.far).toBeGreaterThan(0);
    expect(adaptive.congestion).toBe(adaptive.far);
    // Free-flow: 1,000 cars through 300 veh/h (12 s apart) after 300 s on r1.
    expect(free.last).toBeCloseTo(300 + 999 * 12 + 300, 6);
    expect(adaptive.last).toBeLessThan(free.last / 2);
  });
});

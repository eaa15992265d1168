// A run ends with the report bin of the last thing that happened, even when events that
// can no longer do anything are left in the clock: a head event superseded by an earlier
// one (a slowdown ending lets the cars on its road arrive sooner than first asked for),
// an admission asked again, a check of a head that has left. Those are skipped when they
// come; waiting for them moved the end of the run, the samples, fleet utilisation and
// waits to the horizon.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import { LogKind, type SimulationResult } from '../../src/result.js';
import type { HazardSpec, RoutingMode, Scenario, WeatherCondition } from '../../src/scenario/types.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { withMeasures } from '../helpers/arbitrary-measures.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   town ──5 km, 36 km/h (10 m/s, 500 s)──► out; one car leaving at 150 s, a slowdown
//   of the road from 100 s to 200 s.
function oneCar(factor: number, reportBinSeconds: number): Scenario {
  const s = scenario({
    nodes: ['town', 'out'], reportBinSeconds, orders: [order(['town'], { at: 150 })],
    hazards: [{ kind: 'slowdown', roads: ['r'], from: 100, until: 200, factor }],
  });
  s.network.roads = [road('r', 'town', 'out', { lengthKm: 5, speedKmh: 36, capacityVehPerHour: 3600 })];
  s.settlements = [settlement('town', 'town', 1)];
  s.shelters = [exit('out', 'out')];
  return s;
}

describe('the end of a run with superseded events in the clock', () => {
  it('is the bin of the last arrival after a slowdown of factor 0.0001 ends', () => {
    // 150–200 s at 0.001 m/s: 0.05 m; the last 4,999.95 m at 10 m/s: 499.995 s, in at 699.995 s.
    // The head event first asked for came at 150 + 500 / 0.0001 s = 5,000,150 s, past the horizon.
    const hourly = simulate(oneCar(0.0001, 3600));
    expect(hourly.log.time[hourly.log.length - 1]).toBeCloseTo(699.995, 9);
    expect(hourly.endTime).toBe(3600);
    expect(hourly.samples.time).toEqual([3600]);
    // Bins of 300 s: the arrival is in the third.
    const short = simulate(oneCar(0.0001, 300));
    expect(short.endTime).toBe(900);
    expect(short.samples.time).toEqual([300, 600, 900]);
    // 1e-9: the first head event would come at 5·10^11 s.
    expect(simulate(oneCar(1e-9, 300)).endTime).toBe(900);
  });

  //   town ──1 km──► out; 10 people, ready 5,000 s after an order at 0 s; town captured at 100 s.
  it('is the bin of the capture when the people it trapped would have left later', () => {
    const s = scenario({
      nodes: ['town', 'out'],
      orders: [order(['town'], { mobilization: { kind: 'fixed', median: 5000, shape: null } })],
      hazards: [{ kind: 'capture', settlements: [], nodes: ['town'], at: 100 }],
    });
    s.network.roads = [road('r', 'town', 'out')];
    s.settlements = [settlement('town', 'town', 10)];
    s.shelters = [exit('out', 'out')];
    const r = simulate(s);
    expect(r.log.time[r.log.length - 1]).toBe(100);
    // Their departure at 5,000 s (the second bin) can start nobody.
    expect(r.endTime).toBe(3600);
  });

  //   out (bus depot) ◄──1 km──► town; 20 people without a car, ready at 0 s; boarding takes
  //   300 s a person; town captured at 1,000 s, with the bus boarding there.
  it('is the bin of the capture that lost a bus still boarding', () => {
    const s = scenario({
      nodes: ['town', 'out'], households: { size: 1, carShare: 0 }, orders: [order(['town'])],
      hazards: [{ kind: 'capture', settlements: [], nodes: ['town'], at: 1000 }],
    });
    s.network.roads = [road('r', 'town', 'out', { oneway: false })];
    s.settlements = [settlement('town', 'town', 20)];
    s.shelters = [exit('out', 'out')];
    s.fleets = [{ id: 'bus', depot: 'out', vehicles: 1, seats: 20, boardingSecondsPerPerson: 300, serves: [], mode: 'road', from: 0, headway: null, timetable: [] }];
    const r = simulate(s);
    const last = r.log.length - 1;
    expect([r.log.time[last], r.log.kind[last], r.log.people[last]]).toEqual([1000, LogKind.TrappedInTransit, 20]);
    // Its boarding would have ended at 6,000 s and more: the second bin.
    expect(r.endTime).toBe(3600);
    // Driving and boarding from 0 s to its loss at 1,000 s, of the 3,600 s of the run.
    expect(r.fleets[0].utilisation).toBeCloseTo(1000 / 3600, 12);
  });

  it('is the end of the bin of the last thing that happened, or the horizon while something waits (property)', () => {
    fc.assert(
      fc.property(
        withMeasures(arbitraryScenario({ hazards: true, fleets: true, capture: true })),
        moreHazards,
        fc.integer({ min: 60, max: 3600 }),
        fc.integer({ min: 1, max: 24 }),
        fc.constantFrom<RoutingMode>('free-flow', 'adaptive', 'equilibrium'),
        (base, extra, bin, bins, mode) => {
          const routing = { ...base.routing, mode, iterations: 2 };
          const s = { ...base, routing, reportBinSeconds: bin, horizon: bin * bins, hazards: [...base.hazards, ...extra(base)] };
          const a = traced(s);
          const b = traced({ ...s, horizon: bin * Math.ceil((8 * 86400) / bin) });
          expectEnd(a, bin, b.last > s.horizon);
          expectEnd(b, bin, false);
          // Ended early, with nothing scheduled after its horizon: a longer horizon changes nothing else.
          if (a.result.endTime < s.horizon && Math.max(...scheduled(s)) <= s.horizon) {
            expect(b.result).toEqual({ ...a.result, horizon: b.result.horizon });
          }
        },
      ),
      { numRuns: 120 },
    );
  });
});

const conditions: (WeatherCondition | null)[] = [null, 'heavy-rain', 'very-heavy-snow'];

/** A slowdown of one road and weather on every road, each over a random interval, with factors down to 1e-9. */
const moreHazards = fc
  .record({
    road: fc.nat(),
    slowFrom: fc.integer({ min: 0, max: 3600 }),
    slowLength: fc.integer({ min: 1, max: 7200 }),
    factor: fc.constantFrom(1e-9, 1e-4, 0.01, 0.5),
    weatherFrom: fc.integer({ min: 0, max: 3600 }),
    weatherLength: fc.integer({ min: 1, max: 7200 }),
    speedFactor: fc.constantFrom(1e-6, 0.01, 0.5, 1),
    condition: fc.constantFrom(...conditions),
    capacityFactor: fc.constantFrom(0.1, 0.5, 1),
  })
  .map((p) => (s: Scenario): HazardSpec[] => [
    { kind: 'slowdown', roads: [s.network.roads[p.road % s.network.roads.length].id], from: p.slowFrom, until: p.slowFrom + p.slowLength, factor: p.factor },
    {
      kind: 'weather', condition: p.condition, speedFactor: p.speedFactor, capacityFactor: p.capacityFactor, roads: [], classes: [],
      from: p.weatherFrom, until: p.weatherFrom + p.weatherLength,
    },
  ]);

interface Traced {
  scenario: Scenario;
  result: SimulationResult;
  /** Time of the last thing that happened: a vehicle entering or leaving a queue, a log row, a capture, a gridlock, a scheduled order, hazard change or fleet start. */
  last: number;
}

function traced(s: Scenario): Traced {
  let last = 0;
  const result = simulate(s, { trace: (_l, _v, t) => { if (t > last) last = t; } });
  const times = [
    ...Array.from(result.log.time),
    ...result.settlements.map((x) => x.capturedAt ?? 0),
    ...result.gridlocks.map((g) => g.time),
    ...scheduled(s),
  ];
  for (const t of times) if (t <= s.horizon && t > last) last = t;
  return { scenario: s, result, last };
}

/** The instants of orders, fleet starts, captures and hazard changes. */
function scheduled(s: Scenario): number[] {
  return [
    ...s.orders.map((o) => o.at),
    ...s.fleets.map((f) => f.from),
    ...s.hazards.flatMap((h) => (h.kind === 'capture' ? [h.at] : h.kind === 'front' ? [] : [h.from, h.until ?? 0])),
  ];
}

/**
 * The run ends with the report bin holding its last happening (a happening at a bin's end
 * may come after that bin's sample, which then sees it pending: the next bin), or later
 * only while something still happens or waits: at the horizon when a longer run goes on
 * past it (`continued`), or while vehicles are still on the roads or at their origins at
 * its last sample (a head reaching its stop line there leaves no trace).
 */
function expectEnd(t: Traced, bin: number, continued: boolean): void {
  const { endTime, samples } = t.result;
  const binEnd = Math.max(1, Math.ceil(t.last / bin)) * bin;
  const ends = t.last % bin === 0 && t.last > 0 ? [binEnd, Math.min(binEnd + bin, t.scenario.horizon)] : [binEnd];
  if (ends.includes(endTime)) return;
  const k = samples.time.length - 1;
  const onNetwork = k >= 0 && samples.vehiclesOnRoad[k] + samples.vehiclesQueuedAtOrigin[k] > 0;
  const why = `ends at ${endTime} s, its last happening at ${t.last} s, nothing on the roads`;
  expect((endTime === t.scenario.horizon && continued) || (endTime > binEnd && onNetwork), why).toBe(true);
}

// What a capture traps, counted exactly: those who stayed, those who complied and
// had not left yet (waiting for a bus, or still getting ready), nobody twice, and
// nobody already carried away.
//
//   village ══r (1 km each way, 36 km/h: 100 s)══ out (exit, bus depot)
//
// At the village: "walkers" (30 people, none with a car, 80 % comply: 24 leave,
// 6 stay) and "late" (10 people, all comply, ready 400 s after the order). One bus
// of 10 seats, 2 s a person: at the village at 100 s, boards 10 until 120 s, unloads
// at the exit at 220 s and is on its way back when the front takes the village at 250 s.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import { summarize } from '../../src/report/summary.js';
import type { FleetSpec } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const bus: FleetSpec = {
  id: 'bus', depot: 'out', vehicles: 1, seats: 10, boardingSecondsPerPerson: 2, serves: [], mode: 'road',
  from: 0, headway: null, timetable: [],
};

const s = scenario({
  nodes: [],
  network: {
    nodes: [{ id: 'village', x: 0, y: 0 }, { id: 'out', x: 1000, y: 0 }],
    roads: [road('r', 'village', 'out', { speedKmh: 36, capacityVehPerHour: 3600, oneway: false })],
  },
  settlements: [settlement('walkers', 'village', 30), settlement('late', 'village', 10)],
  shelters: [exit('out', 'out')],
  households: { size: 1, carShare: 0 },
  orders: [
    order(['walkers'], { compliance: 0.8 }),
    order(['late'], { mobilization: { kind: 'fixed', median: 400, shape: null } }),
  ],
  fleets: [bus],
  hazards: [{ kind: 'capture', settlements: ['walkers'], nodes: [], at: 250 }],
});

/** People of each log kind per settlement id. */
function tally(kind: number): Record<string, number> {
  const r = simulate(s);
  const out: Record<string, number> = {};
  for (let i = 0; i < r.log.length; i++) {
    if (r.log.kind[i] !== kind) continue;
    const id = r.settlements[r.log.settlement[i]].id;
    out[id] = (out[id] ?? 0) + r.log.people[i];
  }
  return out;
}

describe('a capture traps exactly who is still there', () => {
  it('those who complied and had not left: 14 waiting for the bus, 10 still getting ready', () => {
    expect(tally(LogKind.TrappedWaiting)).toEqual({ walkers: 14, late: 10 });
  });

  it('those who stayed', () => {
    expect(tally(LogKind.TrappedStayed)).toEqual({ walkers: 6 });
  });

  it('not the 10 the bus took, nor the empty bus lost on the way back', () => {
    expect(tally(LogKind.Evacuated)).toEqual({ walkers: 10 });
    expect(tally(LogKind.TrappedInTransit)).toEqual({});
    const summary = summarize(simulate(s), s);
    const walkers = summary.settlements.find((x) => x.id === 'walkers');
    const late = summary.settlements.find((x) => x.id === 'late');
    expect(walkers).toMatchObject({ told: 30, complied: 24, evacuated: 10, trapped: 20, waiting: 0, stayed: 0, capturedAt: 250 });
    expect(late).toMatchObject({ told: 10, complied: 10, evacuated: 0, trapped: 10, waiting: 0, capturedAt: 250 });
  });
});

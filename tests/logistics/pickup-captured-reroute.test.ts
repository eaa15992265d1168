// A bus bound for a pickup that is captured on its way is sent elsewhere: a new
// destination for a hazard, counted in vehicles.reroutedBy.hazard as a car whose
// shelter is captured is.
//   D (depot, exit) ── 5 km ── J ── 5 km ── V (50 people, captured at 200 s)
//                              └── 5 km ── W (10 people)
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/simulate.js';
import { summarize } from '../../src/report/summary.js';
import type { Scenario } from '../../src/scenario/types.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const fast = { lengthKm: 5, speedKmh: 60, capacityVehPerHour: 3600, oneway: false };
const villages = (captureAt: number | null): Scenario =>
  scenario({
    nodes: [],
    network: {
      nodes: [{ id: 'D', x: 0, y: 0 }, { id: 'J', x: 5000, y: 0 }, { id: 'V', x: 10_000, y: 0 }, { id: 'W', x: 5000, y: 5000 }],
      roads: [road('d-j', 'D', 'J', fast), road('j-v', 'J', 'V', fast), road('j-w', 'J', 'W', fast)],
    },
    settlements: [settlement('V', 'V', 50), settlement('W', 'W', 10)],
    shelters: [exit('D', 'D')],
    households: { size: 1, carShare: 0 },
    orders: [order(['V', 'W'])],
    fleets: [{ id: 'bus', depot: 'D', vehicles: 1, seats: 40, boardingSecondsPerPerson: 1, serves: [], mode: 'road', from: 0, headway: null, timetable: [] }],
    hazards: captureAt === null ? [] : [{ kind: 'capture', settlements: ['V'], nodes: [], at: captureAt }],
  });

describe('a bus whose pickup is captured on its way', () => {
  it('is sent to the other village and counts as rerouted for a hazard', () => {
    const s = villages(200);
    const summary = summarize(simulate(s), s);
    expect(summary.people).toMatchObject({ evacuated: 10, trapped: 50 });
    expect(summary.vehicles).toMatchObject({ rerouted: 1, reroutedBy: { fullShelter: 0, hazard: 1, congestion: 0 } });
  });

  it('counts nothing when the pickup is not captured', () => {
    const s = villages(null);
    const summary = summarize(simulate(s), s);
    expect(summary.people.evacuated).toBe(60);
    expect(summary.vehicles.rerouted).toBe(0);
  });
});

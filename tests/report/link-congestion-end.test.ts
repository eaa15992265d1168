// Vehicles still on a link when the run ends count in the link's figures: they entered it
// (links-timeseries.csv `entered`) and, held past their free-flow time, they are queued
// until the end (`queueEnded`, `queuedSeconds`, the last bin's queue), as the vehicles
// that left are until they leave. Forty cars set off at once and enter r one second
// apart; the exit road e (600 veh/h) closes for good at 100 s, so only the first two
// leave r (at 90 s and 96 s) and the other 38 stand at its end until the run ends.
//
//   town ── r: 1 km, 40 km/h (f = 90 s), 3,600 veh/h ── b ── e: 1 km, 600 veh/h, closed from 100 s ── exit
import { describe, expect, test } from 'vitest';
import { linksCsv } from '../../src/report/csv.js';
import { linksTimeseriesCsv } from '../../src/report/link-congestion.js';
import type { HazardSpec } from '../../src/scenario/types.js';
import { CORRIDOR_BIN, CORRIDOR_CARS, recordedCorridor } from '../helpers/recorded-corridor.js';

const N = CORRIDOR_CARS;
const F = 90;
const BIN = CORRIDOR_BIN;

function run(hazards: HazardSpec[] = [{ kind: 'closure', roads: ['e'], from: 100, until: null }]) {
  return recordedCorridor(hazards);
}

describe('vehicles on a link when the run ends', () => {
  test('count as entered and as queued until the end', () => {
    const { result, links } = run();
    // Car 0 leaves r at 90 s, car 1 at 96 s (e's headway), both arrive 90 s later; then
    // nothing moves, and the run ends with the bin of the last arrival, at 240 s.
    expect(result.vehicles.arrived).toBe(2);
    const end = result.endTime;
    expect(end).toBe(240);
    const [r] = links;
    const bins = [...r.bins.values()];
    expect(bins.reduce((n, b) => n + b.entered, 0)).toBe(N);
    expect(bins.reduce((n, b) => n + b.exited, 0)).toBe(2);
    // Car k ≥ 1 is held from F + k; cars 2…39 until the end: 38 at once from 129 s.
    expect(r.queueBegan).toBe(F + 1);
    expect(r.queueEnded).toBe(end);
    expect(r.queuedSeconds).toBe(end - (F + 1));
    expect(r.bins.get(3)?.maxQueue).toBe(N - 2);
    // In the last bin, [180, 240): 38 cars queued throughout.
    expect(r.bins.get(3)?.queueSeconds).toBe((N - 2) * BIN);
    const csv = linksCsv(result, links).split('\n');
    expect(csv[1]).toBe(`r,town,b,road,2,${N},5,3600,133,${F + 1},${end},${end - F - 1}`);
    // Per bin: entered, exited, mean queue, max queue, volume/capacity, mean delay. Bin 1:
    // car 1 held 5 s, cars 2…29 from 90 + k (406 s); bin 2: cars 2…29 throughout, cars
    // 30…39 from 90 + k (555 s); bin 3: the 38 throughout.
    const series = linksTimeseriesCsv(links, BIN).split('\n');
    const row = (b: number) => series.find((line) => line.startsWith(`r,${b},${b * BIN},`))?.split(',').slice(3).map(Number);
    expect(row(0)).toEqual([N, 0, 0, 0, 0, 0]);
    expect(row(1)).toEqual([0, 2, (5 + 406) / BIN, 28, 0.033, 2.5]);
    expect(row(2)).toEqual([0, 0, (28 * BIN + 555) / BIN, N - 2, 0, 0]);
    expect(row(3)).toEqual([0, 0, N - 2, N - 2, 0, 0]);
  });

  test('not those lost with a captured node: they left the link when it was captured', () => {
    // b captured at 100 s: r closes for good with the 38 cars on it, lost (trapped).
    const { result, links } = run([{ kind: 'capture', settlements: [], nodes: ['b'], at: 100 }]);
    expect(result.links[0].lost).toBe(N - 2);
    const [r] = links;
    expect([...r.bins.values()].reduce((n, b) => n + b.exited, 0)).toBe(2);
    expect(r.queueEnded).toBe(96);
    expect(r.queuedSeconds).toBe(5);
  });
});

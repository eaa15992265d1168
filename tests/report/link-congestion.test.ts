// Congestion over time from the trace, on a road that feeds a bottleneck: forty
// cars set off at once and enter r one second apart (its capacity, 3,600 veh/h);
// car k reaches the end of r at f + k and leaves it for the exit road e (600 veh/h)
// at f + 6k, so every figure of r has a closed form.
//
//   town ── r: 1 km, 40 km/h (f = 90 s), 3,600 veh/h ── b ── e: 1 km, 600 veh/h ── exit
import { describe, expect, test } from 'vitest';
import { linksCsv } from '../../src/report/csv.js';
import { linksTimeseriesCsv } from '../../src/report/link-congestion.js';
import { CORRIDOR_BIN, CORRIDOR_CARS, recordedCorridor } from '../helpers/recorded-corridor.js';

const N = CORRIDOR_CARS;
const F = 90;
const H = 6;
const BIN = CORRIDOR_BIN;

function run() {
  return recordedCorridor();
}

/** Cars queued on r at `t`: those past their free-flow time (f + k ≤ t) that have not left (f + 6k > t). */
function queuedAt(t: number): number {
  let n = 0;
  for (let k = 0; k < N; k++) if (F + k <= t && F + H * k > t) n++;
  return n;
}

describe('LinkRecorder', () => {
  test('the queue begins when the second car is held and ends when the last car leaves', () => {
    const [r] = run().links;
    expect(r).toMatchObject({ id: 'r', capacity: 3600 });
    expect(r.queueBegan).toBeCloseTo(F + 1, 6);
    expect(r.queueEnded).toBeCloseTo(F + (N - 1) * H, 6);
    expect(r.queuedSeconds).toBeCloseTo((N - 1) * H - 1, 6);
  });

  test('bins count entries, exits, queue and delay', () => {
    const [r] = run().links;
    const bins = [...r.bins.values()].sort((a, b) => a.bin - b.bin);
    expect(bins[0]).toMatchObject({ bin: 0, entered: N, maxQueue: 0 });
    expect(bins.reduce((n, b) => n + b.exited, 0)).toBe(N);
    // Bin [120, 180): cars 5…14 leave r.
    const b2 = r.bins.get(2)!;
    expect(b2.exited).toBe(10);
    let most = 0;
    let area = 0;
    for (let t = 120; t < 180; t += 0.5) {
      most = Math.max(most, queuedAt(t));
      area += queuedAt(t) * 0.5;
    }
    expect(b2.maxQueue).toBe(most);
    expect(b2.queueSeconds).toBeCloseTo(area, 6);
    // Car k waits 5k at the end of r: for k = 5…14 that is 5 × 9.5 on average.
    expect(b2.delaySeconds / b2.exited).toBeCloseTo(5 * 9.5, 6);
  });

  test('the CSV files carry those figures', () => {
    const { result, links } = run();
    const [r] = links;
    const b2 = r.bins.get(2)!;
    const series = linksTimeseriesCsv(links, BIN).split('\n');
    expect(series[0]).toBe('link,bin,binStart,entered,exited,meanQueue,maxQueue,volumeToCapacity,meanDelaySeconds');
    const row = series.find((line) => line.startsWith('r,2,120,'))?.split(',') ?? [];
    expect(row.slice(3, 5).map(Number)).toEqual([0, 10]);
    expect(Number(row[6])).toBe(b2.maxQueue);
    expect(Number(row[7])).toBeCloseTo(10 / 60, 3);
    const csv = linksCsv(result, links).split('\n');
    expect(csv[0]).toBe('id,from,to,mode,vehicles,peakQueue,totalDelaySeconds,capacity,storage,queueBegan,queueEnded,queuedSeconds');
    expect(csv[1]).toMatch(/^r,town,b,road,40,\d+,[\d.]+,3600,\d+,91,324,233$/);
  });
});

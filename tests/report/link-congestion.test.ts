// Congestion over time from the trace, on one road where forty cars set off
// at once: car k (from 0) leaves after the free-flow time f plus k headways h,
// so every figure of the link has a closed form.
//
//   town ──── 1 km, local (40 km/h → f = 90 s; 600 veh/h → h = 6 s) ──── exit
import { describe, expect, test } from 'vitest';
import { compileScenario } from '../../src/network/compile.js';
import { linksCsv } from '../../src/report/csv.js';
import { LinkRecorder, linksTimeseriesCsv } from '../../src/report/link-congestion.js';
import { simulate } from '../../src/simulation/simulate.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

const N = 40;
const F = 90;
const H = 6;
const BIN = 60;

function run() {
  const s = scenario({
    nodes: ['town', 'exit'],
    network: { nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'exit', x: 1000, y: 0 }], roads: [road('r', 'town', 'exit')] },
    settlements: [settlement('town', 'town', N)],
    shelters: [exit('exit', 'exit')],
    orders: [order(['town'])],
    reportBinSeconds: BIN,
  });
  const recorder = new LinkRecorder();
  const result = simulate(s, { trace: recorder.trace });
  return { result, links: recorder.congestion(result, compileScenario(s), BIN) };
}

describe('LinkRecorder', () => {
  test('the queue begins at the free-flow time and ends when the last car leaves', () => {
    const [r] = run().links;
    expect(r).toMatchObject({ id: 'r', capacity: 600 });
    expect(r.queueBegan).toBeCloseTo(F, 6);
    expect(r.queueEnded).toBeCloseTo(F + (N - 1) * H, 6);
    expect(r.queuedSeconds).toBeCloseTo((N - 1) * H, 6);
  });

  test('bins count entries and exits, and a bin inside the discharge runs at volume/capacity 1', () => {
    const [r] = run().links;
    const bins = [...r.bins.values()].sort((a, b) => a.bin - b.bin);
    expect(bins[0]).toMatchObject({ bin: 0, entered: N, maxQueue: 0 });
    expect(bins.reduce((n, b) => n + b.exited, 0)).toBe(N);
    // Bin [120, 180): cars 5…14 leave, and the queue falls from 34 by one every 6 s.
    const b2 = r.bins.get(2)!;
    expect(b2.exited).toBe(10);
    expect(b2.maxQueue).toBe(34);
    expect(b2.queueSeconds / BIN).toBeCloseTo((H * (340 - 45)) / BIN, 6);
    // Bin [60, 120): at 90 s the first car leaves and the other 39 are held.
    expect(r.bins.get(1)!.maxQueue).toBe(N - 1);
    // Delay of the cars leaving in bin 2: k·h for k = 5…14.
    expect(b2.delaySeconds / b2.exited).toBeCloseTo(H * 9.5, 6);
  });

  test('the CSV files carry those figures', () => {
    const { result, links } = run();
    const series = linksTimeseriesCsv(links, BIN).split('\n');
    expect(series[0]).toBe('link,bin,binStart,entered,exited,meanQueue,maxQueue,volumeToCapacity,meanDelaySeconds');
    expect(series).toContain('r,2,120,0,10,29.5,34,1,57');
    const csv = linksCsv(result, links).split('\n');
    expect(csv[0]).toBe('id,from,to,mode,vehicles,peakQueue,totalDelaySeconds,capacity,storage,queueBegan,queueEnded,queuedSeconds');
    expect(csv[1]).toMatch(/^r,town,exit,road,40,\d+,[\d.]+,600,\d+,90,324,234$/);
  });
});

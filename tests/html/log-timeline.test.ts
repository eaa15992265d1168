import { describe, expect, it } from 'vitest';
import { logTimeline, settlementStates } from '../../src/html/log-timeline.js';
import { flowBinSeconds, reportTimeline, reportTimes } from '../../src/html/series.js';
import { binEnds } from '../../src/report/bins.js';
import { peopleBySettlement, peopleSeries } from '../../src/report/metrics.js';
import { occupancySeries } from '../../src/report/shelters.js';
import { peopleByBin } from '../../src/report/throughput.js';
import type { SimulationResult } from '../../src/result.js';
import {
  Departed, Evacuated, ReadyForFleet, ShadowDeparted, ShadowEvacuated, Stayed, Told, TrappedInTransit, TrappedWaiting, makeResult,
} from '../report/fixtures.js';
import { runFixture } from './fixtures.js';

/** What the one-figure functions give at `times`, read one pass each. */
function onePassEach(result: SimulationResult, times: number[]) {
  const bySettlement = times.map((t) => peopleBySettlement(result, t));
  return {
    people: peopleSeries(result, times),
    scoped: [peopleSeries(result, times, { district: 'North' })],
    left: times.map((t) => departedBy(result, t)),
    occupancy: occupancySeries(result, times),
    evacuated: result.settlements.map((_, i) => bySettlement.map((s) => s[i].evacuated)),
    trapped: result.settlements.map((_, i) => bySettlement.map((s) => s[i].trapped)),
  };
}

/** People who departed by `t`, from any settlement. */
function departedBy(result: SimulationResult, t: number): number {
  let sum = 0;
  for (let row = 0; row < result.log.length && result.log.time[row] <= t; row++) {
    if (result.log.kind[row] === Departed) sum += result.log.people[row];
  }
  return sum;
}

describe('logTimeline', () => {
  // Alpha (North) and Beta (South); a row at 12,000 s lies after the end of the run (10,800 s).
  const result = makeResult([
    [0, Told, 0, 80],
    [0, Told, 1, 40],
    [100, Stayed, 0, 10],
    [100, ReadyForFleet, 1, 20],
    [900, Departed, 0, 50],
    [1800, Departed, 1, 20, -1, 0],
    [3600, Evacuated, 0, 30, 0],
    [3600, ShadowDeparted, 1, 5],
    [4000, TrappedInTransit, 0, 5],
    [5000, Evacuated, 1, 20, 1],
    [6000, ShadowEvacuated, 1, 5, 0],
    [7200, TrappedWaiting, 0, 20],
    [9000, Evacuated, 0, 15, 1],
    [12_000, Departed, 1, 7],
  ]);
  const times = [0, 900, 3600, 5400, 7200, 10_800];

  it('gives each figure as reading the log once per figure gives it', () => {
    const line = logTimeline(result, times, [{ district: 'North' }], 3600, 3);
    const each = onePassEach(result, times);
    expect(line.people).toEqual(each.people);
    expect(line.scoped).toEqual(each.scoped);
    expect(line.left).toEqual(each.left);
    expect(line.occupancy).toEqual(each.occupancy);
    expect(line.settlements.map((s) => Array.from(s.evacuated))).toEqual(each.evacuated);
    expect(line.settlements.map((s) => Array.from(s.trapped))).toEqual(each.trapped);
    expect(line.waitingForFleet).toEqual([0, 20, 0, 0, 0, 0]);
    expect(Array.from(line.settlements[0].waiting)).toEqual([80, 20, 20, 20, 0, 0]);
    // One buffer for all of them, so the explorer's worker sends them as one block.
    expect(new Set(line.settlements.flatMap((s) => [s.waiting.buffer, s.left.buffer, s.evacuated.buffer, s.trapped.buffer])).size).toBe(1);
  });

  it('counts departures and arrivals per flow bin up to the end of the run, also past the last instant', () => {
    const line = logTimeline(result, [0, 900], [], 3600, 3);
    expect(line.departedByBin).toEqual([70, 0, 0]);
    expect(line.evacuatedByBin).toEqual([30, 20, 15]);
    expect(line.people).toHaveLength(2);
  });

  it('is what the report reads on a real run', () => {
    const { scenario, result: run } = runFixture();
    const times = reportTimes(run);
    const line = reportTimeline(run, scenario);
    expect(line.people).toEqual(peopleSeries(run, times));
    expect(line.occupancy).toEqual(occupancySeries(run, times));
    const bins = binEnds(run.endTime, flowBinSeconds(run.endTime)).length;
    expect(line.evacuatedByBin.reduce((a, b) => a + b, 0)).toBe(peopleByBin(run, Evacuated).reduce((a, b) => a + b, 0));
    expect(line.departedByBin).toHaveLength(bins);
    expect(settlementStates(run, times).map((s) => s.left.at(-1))).toEqual(
      peopleBySettlement(run, run.endTime).map((_, i) => leftBy(run, i)),
    );
  });
});

/** People who departed from settlement `i` by the end. */
function leftBy(result: SimulationResult, i: number): number {
  let sum = 0;
  for (let row = 0; row < result.log.length && result.log.time[row] <= result.endTime; row++) {
    if (result.log.kind[row] === Departed && result.log.settlement[row] === i) sum += result.log.people[row];
  }
  return sum;
}

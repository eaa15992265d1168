// The unfinished-run warning of an ETE variant's replications: named by the variant,
// with the runs counted and the most people left in one, at the horizon and before it
// apart; one replication reads as `run` says it of its run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { unfinishedReplications } from '../../src/check/unfinished-replications.js';
import { runEnd, unfinishedRun } from '../../src/check/unfinished.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/simulate.js';

const HOUR = 3600;
const end = (endTime: number, waiting: number, inTransit: number) => ({ endTime, horizon: 2 * HOUR, waiting, inTransit });
const REMEDY = 'lengthen the horizon, or add the roads, fleets or time they need';
const NOTHING = 'whom nothing will move: no fleet vehicle left that serves and can reach their pickup, no timetabled departure left, or no road out that opens again';

describe('unfinishedReplications', () => {
  it('says of one replication what run says of its run, naming the variant', () => {
    const s = parseScenario({ ...JSON.parse(readFileSync('scenarios/bottleneck.json', 'utf8')), targets: [], horizon: '30m' });
    const result = simulate(s);
    const [run] = unfinishedRun(result);
    expect(unfinishedReplications('rain', [runEnd(result)])).toEqual([
      { path: 'horizon', message: run.message.replace('the run ends', 'the run of variant "rain" ends') },
    ]);
  });

  it('counts the replications that ended at the horizon with people left, and gives the most left in one', () => {
    expect(unfinishedReplications('x', [end(2 * HOUR, 30, 2), end(HOUR, 0, 0), end(2 * HOUR, 1, 0), end(2 * HOUR, 0, 0)])).toEqual([{
      path: 'horizon',
      message: `in 2 of 4 replications of variant "x" the run ends at the horizon (2h 0m) with up to 30 people still waiting and up to 2 travelling; ${REMEDY}`,
    }]);
  });

  it('says "up to" only of a count that differs between those runs', () => {
    const [w] = unfinishedReplications('x', [end(2 * HOUR, 1, 0), end(2 * HOUR, 1, 0), end(2 * HOUR, 0, 0)]);
    expect(w.message).toBe(`in 2 of 3 replications of variant "x" the run ends at the horizon (2h 0m) with 1 person still waiting and 0 travelling; ${REMEDY}`);
  });

  it('says apart of the runs that ended before the horizon with people nothing will move, and when they ended', () => {
    expect(unfinishedReplications('x', [end(2 * HOUR, 5, 0), end(HOUR, 3, 0), end(1.5 * HOUR, 4, 0)])).toEqual([
      { path: 'horizon', message: `in 1 of 3 replications of variant "x" the run ends at the horizon (2h 0m) with 5 people still waiting and 0 travelling; ${REMEDY}` },
      { path: 'horizon', message: `in 2 of 3 replications of variant "x" the run ends between 1h 0m and 1h 30m, before the horizon, with up to 4 people still waiting and 0 travelling ${NOTHING}` },
    ]);
    expect(unfinishedReplications('x', [end(HOUR, 3, 0)])).toEqual([
      { path: 'horizon', message: `the run of variant "x" ends at 1h 0m, before the horizon, with 3 people still waiting and 0 travelling ${NOTHING}` },
    ]);
  });

  it('gives nothing when every run ended with nobody waiting or travelling', () => {
    expect(unfinishedReplications('x', [end(2 * HOUR, 0, 0), end(HOUR, 0, 0)])).toEqual([]);
    expect(unfinishedReplications('x', [])).toEqual([]);
  });
});

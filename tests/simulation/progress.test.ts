// A run tells a progress display how far it has simulated, at the end of every report
// bin, without changing anything it computes; the command line shows it as a bar only on
// a terminal, and only for runs longer than two seconds.
import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { simulate } from '../../src/simulation/index.js';
import { delayedProgress } from '../../src/cli/progress.js';
import type { Io } from '../../src/cli/command.js';
import { cli } from '../helpers/cli.js';

describe('progress of a run', () => {
  it('is told the end of every report bin, and the run is the same', () => {
    const scenario = loadScenarioFile('scenarios/two-towns.json');
    const told: number[] = [];
    const watched = simulate(scenario, { onBin: (done) => told.push(done) });
    expect(told).toEqual(watched.samples.time);
    expect(told.length).toBeGreaterThan(3);
    expect(JSON.stringify(watched)).toBe(JSON.stringify(simulate(scenario)));
  });

  it('counts a horizon for every equilibrium iteration before the current one', () => {
    const base = loadScenarioFile('scenarios/two-towns.json');
    const scenario = { ...base, routing: { ...base.routing, mode: 'equilibrium' as const, iterations: 3 } };
    const told: number[] = [];
    const runs = simulate(scenario, { onBin: (done) => told.push(done) }).routing?.iterations ?? 0;
    // The runs may stop before the third when one teaches nothing new.
    expect(runs).toBeGreaterThanOrEqual(2);
    const perRun = told.filter((done) => done <= scenario.horizon).length;
    expect(told).toHaveLength(runs * perRun);
    for (let k = 1; k < told.length; k++) expect(told[k]).toBeGreaterThan(told[k - 1]);
    expect(told[perRun]).toBe(scenario.horizon + told[0]);
  });

  it('appears only once its delay has passed', () => {
    const lines: string[] = [];
    const io = { out: () => {}, err: (text: string) => lines.push(text) } as unknown as Io;
    const late = delayedProgress('lines', 10, 'simulated hours', io, 60_000);
    for (let hour = 1; hour <= 10; hour++) late.update(hour);
    late.stop();
    expect(lines).toEqual([]);
    const now = delayedProgress('lines', 10, 'simulated hours', io, 0);
    for (let hour = 1; hour <= 10; hour++) now.update(hour);
    now.stop();
    expect(lines.at(-1)).toMatch(/^10\/10 simulated hours \(100%\)/);
  });

  for (const command of ['run', 'validate']) {
    it(`${command} --quiet is accepted, and off a terminal nothing goes to stderr either way`, async () => {
      const plain = await cli(command, 'scenarios/two-towns.json');
      const quiet = await cli(command, 'scenarios/two-towns.json', '--quiet');
      expect(quiet.code).toBe(0);
      expect(quiet.out).toBe(plain.out);
      expect(plain.err).toBe('');
      expect(quiet.err).toBe('');
    });
  }
});

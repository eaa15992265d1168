// Ids, districts and regions that differ only in letter case (`Sudzha` and
// `sudzha`) are legal, ids being case-sensitive, but were accepted without a word:
// validate warns naming both places, and run prints the same warning on stderr.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caseOnlyIds } from '../../src/check/case-ids.js';
import { scenarioWarnings } from '../../src/check/warnings.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { minimalFile } from '../scenario/fixtures.js';
import { cli } from '../helpers/cli.js';

/** minimalFile with settlements Sudzha (district North, region Kursk) and sudzha (district north, region KURSK) added. */
function twoSudzhas() {
  const file = minimalFile();
  file.network.nodes.push({ id: 'Town', x: 3000, y: 4100 });
  file.network.roads.push({ id: 'R1', from: 'Town', to: 'town' });
  file.settlements.push(
    { id: 'Sudzha', node: 'town', population: 10, district: 'North', region: 'Kursk' },
    { id: 'sudzha', node: 'town', population: 10, district: 'north', region: 'KURSK' },
    { id: 'SUDZHA', node: 'town', population: 10, district: 'north', region: 'Kursk' },
  );
  return file;
}

const lines = (file: unknown) => caseOnlyIds(parseScenario(file)).map((w) => `${w.path}: ${w.message}`);

describe('ids that differ only in letter case', () => {
  it('are accepted, with a warning per later spelling naming the first', () => {
    const file = twoSudzhas();
    expect(parseScenario(file).settlements.map((s) => s.id)).toEqual(['village', 'Sudzha', 'sudzha', 'SUDZHA']);
    expect(lines(file)).toEqual([
      'network.nodes[3].id: "Town" differs only in case from network.nodes[1].id "town"',
      'network.roads[2].id: "R1" differs only in case from network.roads[0].id "r1"',
      'settlements[2].id: "sudzha" differs only in case from settlements[1].id "Sudzha"',
      'settlements[3].id: "SUDZHA" differs only in case from settlements[1].id "Sudzha"',
      // A district of many settlements is named once per spelling, at its first place.
      'settlements[2].district: "north" differs only in case from settlements[0].district "North"',
      'settlements[2].region: "KURSK" differs only in case from settlements[0].region "Kursk"',
    ]);
  });

  it('shelters and fleets too; ids of different kinds are not compared', () => {
    const file = {
      ...minimalFile(),
      shelters: [{ id: 'city-exit', node: 'city' }, { id: 'City-Exit', node: 'city' }, { id: 'Village', node: 'city' }],
      fleets: [{ id: 'bus', depot: 'city', vehicles: 1, seats: 40 }, { id: 'BUS', depot: 'city', vehicles: 1, seats: 40 }],
    };
    expect(lines(file)).toEqual([
      'shelters[1].id: "City-Exit" differs only in case from shelters[0].id "city-exit"',
      'fleets[1].id: "BUS" differs only in case from fleets[0].id "bus"',
    ]);
  });

  it('are among the validate warnings; the shipped scenarios have none', () => {
    expect(scenarioWarnings(parseScenario(twoSudzhas())).map((w) => w.path)).toContain('settlements[2].id');
    for (const name of ['bottleneck', 'grid-city', 'kursk-2024', 'two-towns']) {
      expect(lines(JSON.parse(readFileSync(`scenarios/${name}.json`, 'utf8')))).toEqual([]);
    }
  });

  it('validate prints the warning and exits 0; run prints it on stderr, the summary JSON unchanged', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'evacsim-case-')), 'case.json');
    writeFileSync(file, JSON.stringify(twoSudzhas()));
    const validated = await cli('validate', file);
    expect(validated.code).toBe(0);
    expect(validated.out).toContain('warning: settlements[2].id: "sudzha" differs only in case from settlements[1].id "Sudzha"\n');
    const ran = await cli('run', file, '--json');
    expect(ran.code).toBe(0);
    expect(ran.err).toContain('warning: settlements[2].id: "sudzha" differs only in case from settlements[1].id "Sudzha"\n');
    expect(JSON.parse(ran.out).settlements.map((s: { id: string }) => s.id)).toEqual(['village', 'Sudzha', 'sudzha', 'SUDZHA']);
    expect((await cli('run', 'scenarios/bottleneck.json', '--json')).err).toBe('');
  });
});

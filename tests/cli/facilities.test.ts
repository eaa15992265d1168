// Special facilities end to end: validate, run and ete warn of a facility no
// fleet serves (naming the variant that makes one); ete reports their groups in its tables and files; a bad kind
// exits with code 2 and one line naming where it is.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

/**
 *   depot ──d: 6 km──► school ──e: 3 km──► exit       36 km/h, 3,600 veh/h
 *                       ▲
 *   clinic ──c: 1 km────┘                             (a hospital no fleet serves)
 */
function file(facility = 'school', variants?: unknown[]): string {
  const road = (id: string, from: string, to: string, lengthKm: number) =>
    ({ id, from, to, lengthKm, speedKmh: 36, capacityVehPerHour: 3600, oneway: true });
  const scenario = {
    name: 'school',
    horizon: '6h',
    network: {
      nodes: [{ id: 'depot', x: -6000, y: 0 }, { id: 'school', x: 0, y: 0 }, { id: 'exit', x: 3000, y: 0 }, { id: 'clinic', x: 0, y: -1000 }],
      roads: [road('d', 'depot', 'school', 6), road('e', 'school', 'exit', 3), road('c', 'clinic', 'school', 1)],
    },
    settlements: [
      { id: 'school', node: 'school', population: 120, district: 'A', facility, mobilization: { kind: 'fixed', median: '20m' } },
      { id: 'clinic', node: 'clinic', population: 30, district: 'A', facility: 'hospital' },
    ],
    shelters: [{ id: 'exit', node: 'exit' }],
    orders: [{ at: '30m', districts: ['A'], compliance: 0.5 }],
    fleets: [{ id: 'buses', depot: 'depot', vehicles: 3, seats: 40, boardingSecondsPerPerson: 5, serves: ['school'] }],
    ...(variants === undefined ? {} : { variants }),
  };
  const path = join(mkdtempSync(join(tmpdir(), 'evacsim-facilities-')), 'school.json');
  writeFileSync(path, JSON.stringify(scenario));
  return path;
}

const WARNING = 'warning: settlements[1]: "clinic" is a special facility (hospital) that no fleet serves: nothing will move its 30 people; name it (or its district) in a fleet\'s "serves"\n';

describe('special facilities on the command line', () => {
  it('validate, run and ete warn of the facility no fleet serves', async () => {
    const path = file();
    const validate = await cli('validate', path);
    expect(validate.code).toBe(0);
    expect(validate.out).toContain(WARNING);
    // Nothing moves the clinic's people: the run ends early with them waiting, which run says after it, as validate does.
    const stranded = 'warning: horizon: the run ends at 2h 0m, before the horizon, with 30 people still waiting and 0 travelling whom nothing will move';
    expect(validate.out).toContain(stranded);
    const run = await cli('run', path);
    expect(run.code).toBe(0);
    expect(run.err.startsWith(`${WARNING}${stranded}`)).toBe(true);
    expect(run.err.split('\n')).toHaveLength(3);
    // ete warns of it before its runs, and of each variant's run after them, naming the variant.
    const ete = await cli('ete', path);
    expect(ete.code).toBe(0);
    expect(ete.err).toBe(`${WARNING}${stranded.replace('the run ends', 'the run of variant "base" ends')}: no fleet vehicle left that serves and can reach their pickup, no timetabled departure left, or no road out that opens again\n`);
  });

  it("validate and ete name the variant of a warning the scenario as written does not have", async () => {
    // The variant sends the buses to the clinic: the school is then the facility no fleet serves.
    const path = file('school', [{ name: 'clinic-bus', set: { 'fleets[id=buses].serves': ['clinic'] } }]);
    const school = 'warning: settlements[0]: "school" is a special facility (school) that no fleet serves: nothing will move its 120 people; ' +
      'name it (or its district) in a fleet\'s "serves" (in variant "clinic-bus")\n';
    const validate = await cli('validate', path);
    expect(validate.code).toBe(0);
    expect(validate.out).toContain(WARNING);
    expect(validate.out).toContain(school);
    // Then each variant's run, which nothing moves the facility no fleet serves out of.
    const stranded = (variant: string, at: string, people: number) =>
      `warning: horizon: the run of variant "${variant}" ends at ${at}, before the horizon, with ${people} people still waiting and 0 travelling whom nothing will move: ` +
      'no fleet vehicle left that serves and can reach their pickup, no timetabled departure left, or no road out that opens again\n';
    const ete = await cli('ete', path);
    expect(ete.code).toBe(0);
    expect(ete.err).toBe(WARNING + school + stranded('base', '2h 0m', 30) + stranded('clinic-bus', '1h 0m', 150));
    const one = await cli('ete', path, '--variants', 'clinic-bus');
    expect(one.code).toBe(0);
    expect(one.err).toBe(school + stranded('clinic-bus', '1h 0m', 150));
  });

  it('ete prints the special-facilities tables and writes their rows to ete.csv and ete.json', async () => {
    const path = file();
    const out = mkdtempSync(join(tmpdir(), 'evacsim-facilities-out-'));
    const r = await cli('ete', path, '--out', out);
    expect(r.code).toBe(0);
    // The last pupil arrives at 4,102 s (tests/ete/facilities.test.ts derives it), 2,302 s = 38m 22s after the order.
    expect(r.out).toMatch(/100 % of the people of special facilities \(school\) who could leave:\nzone +people +base\nall +120 +38m 22s\n/);
    expect(r.out).toMatch(/100 % of the people of special facilities \(hospital\) who could leave:\nzone +people +base\nall +30 +not reached\n/);
    const csv = readFileSync(join(out, 'ete.csv'), 'utf8').split('\n');
    expect(csv.find((l) => l.startsWith('all,base,special-facilities:school,'))).toMatch(/^all,base,special-facilities:school,120,120,120,0,1800,1,2301,/);
    const json = JSON.parse(readFileSync(join(out, 'ete.json'), 'utf8'));
    expect(json.rows.find((row: { zone: string; group: string }) => row.zone === 'A' && row.group === 'special-facilities')).toMatchObject({
      people: 150, p50: 2301, p90: null, unreached: { p50: 0, p90: 1, p95: 1, p100: 1 },
    });
  });

  it('refuses an unknown kind with exit code 2 and one line naming it', async () => {
    const r = await cli('validate', file('kindergarten'));
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/settlements\[0\]\.facility: unknown facility kind "kindergarten"/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });
});

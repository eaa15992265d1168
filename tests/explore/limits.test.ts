import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, MAX_PEOPLE } from '../../src/check/limits.js';
import { explorer } from '../../src/explore/explorer.js';
import { explorerPage } from '../../src/explore/page.js';
import type { Problems } from '../../src/explore/protocol.js';
import { runner } from '../../src/explore/runs.js';
import { type RunningServer, serve } from '../../src/explore/server.js';
import { SCRIPT_NAME, rawScenario } from '../html/fixtures.js';

type Raw = ReturnType<typeof rawScenario>;

/** The fixture with `change` made to it. */
function changed(change: (raw: Raw & { fleets: { vehicles: number }[]; settlements: { population: number }[] }) => void): Raw {
  const raw = rawScenario() as Raw & { fleets: { vehicles: number }[]; settlements: { population: number }[] };
  change(raw);
  return raw;
}

/** More vehicles than the limit, but few enough that a run without the check would only be slow. */
const fleetOverLimit = () => changed((raw) => {
  raw.fleets[0].vehicles = 2 * DEFAULT_LIMITS.fleetVehicles;
});
/** The population that made the server abort with a native stack trace. */
const populationOverLimit = () => changed((raw) => {
  raw.settlements[0].population = 2_000_000_000;
});

const lift = '(start evacsim explore with --allow-large to lift it)';

describe('the explorer server holds every run to the limits of evacsim run', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // A machine large enough for any run: the limits alone are what these cases meet.
    const { routes, actions } = explorer(rawScenario(), 'tiny', { machineBytes: Infinity });
    server = await serve(routes, 0, actions);
  });
  afterAll(() => server.close());

  /** POSTs `raw` to /run: the status, the problems of a refusal, and how long the answer took. */
  async function post(raw: unknown): Promise<{ status: number; problems: string[]; ms: number }> {
    const started = performance.now();
    const response = await fetch(`${server.url}run`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(raw) });
    const bytes = await response.arrayBuffer();
    const ms = performance.now() - started;
    const json = (response.headers.get('Content-Type') ?? '').startsWith('application/json');
    return { status: response.status, problems: json ? (JSON.parse(new TextDecoder().decode(bytes)) as Problems).problems : [], ms };
  }

  it('refuses more fleet vehicles than the limit at once, naming the field', async () => {
    const { status, problems, ms } = await post(fleetOverLimit());
    expect(status).toBe(422);
    expect(problems).toEqual([`fleets: fleet vehicle count ${2 * DEFAULT_LIMITS.fleetVehicles} exceeds the limit of ${DEFAULT_LIMITS.fleetVehicles} ${lift}`]);
    expect(ms).toBeLessThan(1000);
  });

  it('refuses a population whose run would need too much memory at once, naming the field', async () => {
    const { status, problems, ms } = await post(populationOverLimit());
    expect(status).toBe(422);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^settlements: the run would need about \d+\.\d GB of memory, above the limit of 16 GB /);
    expect(problems[0].endsWith(lift)).toBe(true);
    expect(ms).toBeLessThan(1000);
  });

  it('goes on answering after a refusal', async () => {
    const { status } = await post(rawScenario());
    expect(status).toBe(200);
    expect((await fetch(server.url)).status).toBe(200);
  });
});

describe('the explorer started with --allow-large', () => {
  it('lifts the limits of evacsim run, but not those beyond which counts would be wrong', () => {
    const run = runner(10_000, SCRIPT_NAME, { allowLarge: true, machineBytes: Infinity }).actions.get('/run')!.run;
    const raw = changed((r) => {
      r.settlements[0].population = MAX_PEOPLE;
      r.settlements[1].population = 1;
    });
    const reply = run(Buffer.from(JSON.stringify(raw)));
    expect(reply.status).toBe(422);
    expect((JSON.parse(String(reply.body)) as Problems).problems).toEqual([
      `settlements: ${MAX_PEOPLE + 1} people in all exceeds the limit of ${MAX_PEOPLE} that can be counted exactly`,
    ]);
  });
});

describe('the explorer on a machine smaller than the run', () => {
  it('refuses, even started with --allow-large, a run that could only be killed for want of memory', () => {
    const GB = 1024 ** 3;
    const run = runner(10_000, SCRIPT_NAME, { allowLarge: true, machineBytes: 8 * GB }).actions.get('/run')!.run;
    const reply = run(Buffer.from(JSON.stringify(populationOverLimit())));
    expect(reply.status).toBe(422);
    expect((JSON.parse(String(reply.body)) as Problems).problems).toEqual([
      expect.stringMatching(/^settlements: the run would need about \d+\.\d GB of memory, more than this machine's 8\.0 GB$/),
    ]);
  });
});

describe('the explorer page', () => {
  it('offers each fleet at most the vehicles the server takes, and no limit when it is lifted', () => {
    expect(explorerPage('tiny', DEFAULT_LIMITS.fleetVehicles)).toContain(`<div id="knobs" data-max-vehicles="${DEFAULT_LIMITS.fleetVehicles}">`);
    expect(explorer(rawScenario(), 'tiny').routes.get('/')?.body).toContain(`data-max-vehicles="${DEFAULT_LIMITS.fleetVehicles}"`);
    expect(explorer(rawScenario(), 'tiny', { allowLarge: true }).routes.get('/')?.body).not.toContain('data-max-vehicles');
  });
});

import { Unpackr } from 'msgpackr/unpack';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/explore/evaluate.js';
import { PACK_OPTIONS } from '../../src/explore/pack-options.js';
import type { Problems, RunReply } from '../../src/explore/protocol.js';
import { runner } from '../../src/explore/runs.js';
import { explorer } from '../../src/explore/explorer.js';
import { applyParameters, readParameters } from '../../src/explore/parameters.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { SCRIPT_NAME, rawScenario, runFixture } from '../html/fixtures.js';
import { LinkRecorder } from '../../src/report/link-congestion.js';
import { simulateWithTraffic } from '../../src/html/traffic.js';
import { compileScenario } from '../../src/network/compile.js';
import { analyzeNetwork } from '../../src/analysis/analyze.js';
import { reportPage } from '../../src/html/report.js';

const body = (value: unknown) => Buffer.from(JSON.stringify(value));
const unpack = (bytes: string | Uint8Array) => new Unpackr(PACK_OPTIONS).unpack(bytes as Uint8Array) as RunReply;
/** `value` as JSON would carry it, typed arrays as lists (and -0, which MessagePack writes as the integer 0, as 0). */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v))) as unknown;
const problems = (bytes: string | Uint8Array) => (JSON.parse(String(bytes)) as Problems).problems;

describe('the explorer server runs', () => {
  it('answers a what-if with the outcome the library computes, typed series kept', () => {
    const actions = runner(10_000, SCRIPT_NAME).actions;
    const reply = actions.get('/run')!.run(body(rawScenario()));
    expect(reply.status).toBe(200);
    expect(reply.type).toBe('application/msgpack');
    const { outcome, timing } = unpack(reply.body);
    const expected = evaluate(rawScenario());
    expect(plain(outcome)).toEqual(plain(expected));
    const over = Object.values(expected.map.settlements[0].over)[0];
    expect(Object.values(outcome.map.settlements[0].over)[0]).toBeInstanceOf(over.constructor);
    expect(Object.keys(timing)).toEqual(['parse', 'simulate', 'summary', 'outcome']);
    expect(Object.values(timing).every((ms) => ms >= 0)).toBe(true);
  });

  it('says where a changed scenario is wrong, or that it is not JSON', () => {
    const run = runner(10_000, SCRIPT_NAME).actions.get('/run')!.run;
    const raw = rawScenario();
    (raw.fleets as { vehicles: number }[])[0].vehicles = -1;
    const wrong = run(body(raw));
    expect(wrong.status).toBe(422);
    expect(problems(wrong.body).join('\n')).toMatch(/^fleets\[0\]\.vehicles: /m);
    const garbled = run(Buffer.from('{"name":'));
    expect(garbled.status).toBe(422);
    expect(problems(garbled.body)[0]).toMatch(/^the scenario is not JSON: /);
  });

  it('saves the last run as a report, and refuses when the last run failed', () => {
    const actions = runner(10_000, SCRIPT_NAME).actions;
    const report = actions.get('/report')!.run;
    expect(report(body({})).status).toBe(409);
    actions.get('/run')!.run(body(rawScenario()));
    const saved = report(body({}));
    expect(saved.status).toBe(200);
    expect(String(saved.body)).toContain('<script type="application/json" id="report-data">');
    expect(String(saved.body)).toContain(SCRIPT_NAME);
    actions.get('/run')!.run(Buffer.from('[]'));
    expect(problems(report(body({})).body)).toEqual(['the last run failed: there is no run to save as a report']);
  });

  it('saves the report evacsim run --report writes: the network analysis and the bottleneck queue times too', () => {
    const actions = runner(10_000, SCRIPT_NAME).actions;
    actions.get('/run')!.run(body(rawScenario()));
    const saved = String(actions.get('/report')!.run(body({})).body);
    const { scenario, result, summary } = runFixture();
    const recorder = new LinkRecorder();
    const { traffic } = simulateWithTraffic(scenario, undefined, recorder.trace);
    const congestion = recorder.congestion(result, compileScenario(scenario), scenario.reportBinSeconds);
    expect(saved).toBe(reportPage(result, summary, scenario, SCRIPT_NAME, { traffic, congestion, network: analyzeNetwork(scenario) }));
  });

  it('gives the kept answer again for the same body, made before the page asks or not', () => {
    const { actions, warmUp } = runner(10_000, SCRIPT_NAME);
    const run = actions.get('/run')!.run;
    const text = JSON.stringify(rawScenario());
    const warm = warmUp(text);
    expect(run(Buffer.from(text))).toBe(warm);
    const other = run(body({ ...rawScenario(), seed: 99 }));
    expect(other).not.toBe(warm);
    expect(run(body({ ...rawScenario(), seed: 99 }))).toBe(other);
    // The kept run is the one the report is written of.
    expect(String(actions.get('/report')!.run(body({})).body)).toContain(', seed 99.');
    const again = run(Buffer.from(text));
    expect(again).not.toBe(warm);
    expect(plain(unpack(again.body).outcome)).toEqual(plain(unpack(warm.body).outcome));
  });

  it('practises without touching the kept answer or the report', () => {
    const { actions, warmUp, practise } = runner(10_000, SCRIPT_NAME);
    const text = JSON.stringify(rawScenario());
    const warm = warmUp(text);
    practise(JSON.stringify({ ...rawScenario(), seed: 99 }));
    expect(String(actions.get('/report')!.run(body({})).body)).toContain(', seed 3.');
    expect(actions.get('/run')!.run(Buffer.from(text))).toBe(warm);
  });

  it('takes a body about as long as the scenario file, and no longer', () => {
    const actions = runner(100_000, SCRIPT_NAME).actions;
    expect(actions.get('/run')!.maxBytes).toBeGreaterThanOrEqual(200_000);
    expect(actions.get('/run')!.maxBytes).toBeLessThan(300_000);
  });
});

describe('the explorer prepares', () => {
  it('the page\'s first run, then practice runs, each on a later turn of the event loop', async () => {
    const raw = rawScenario();
    const { actions, warmUp, prepare } = explorer(raw, 'tiny');
    const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
    const report = () => String(actions.get('/report')!.run(body({})).body);
    prepare(2);
    // Nothing runs before the server can answer a request.
    expect(report()).toContain('no run to save');
    for (let i = 0; i < 4; i++) await turn();
    expect(report()).toContain(', seed 3.');
    // What the page sends first is the kept run: the same reply, not run again.
    const initial = readParameters(parseScenario(raw));
    expect(actions.get('/run')!.run(body(applyParameters(raw, initial, initial)))).toBe(warmUp());
  });
});

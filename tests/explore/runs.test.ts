import { Unpackr } from 'msgpackr/unpack';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/explore/evaluate.js';
import { PACK_OPTIONS } from '../../src/explore/pack-options.js';
import type { Problems, RunReply } from '../../src/explore/protocol.js';
import { runActions } from '../../src/explore/runs.js';
import { SCRIPT_NAME, rawScenario } from '../html/fixtures.js';

const body = (value: unknown) => Buffer.from(JSON.stringify(value));
const unpack = (bytes: string | Uint8Array) => new Unpackr(PACK_OPTIONS).unpack(bytes as Uint8Array) as RunReply;
/** `value` as JSON would carry it, typed arrays as lists (and -0, which MessagePack writes as the integer 0, as 0). */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value, (_, v: unknown) => (ArrayBuffer.isView(v) ? Array.from(v as Int32Array) : v))) as unknown;
const problems = (bytes: string | Uint8Array) => (JSON.parse(String(bytes)) as Problems).problems;

describe('the explorer server runs', () => {
  it('answers a what-if with the outcome the library computes, typed series kept', () => {
    const actions = runActions(10_000, SCRIPT_NAME);
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
    const run = runActions(10_000, SCRIPT_NAME).get('/run')!.run;
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
    const actions = runActions(10_000, SCRIPT_NAME);
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

  it('takes a body about as long as the scenario file, and no longer', () => {
    const actions = runActions(100_000, SCRIPT_NAME);
    expect(actions.get('/run')!.maxBytes).toBeGreaterThanOrEqual(200_000);
    expect(actions.get('/run')!.maxBytes).toBeLessThan(300_000);
  });
});

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { main } from '../../src/cli/main.js';
import { evaluate } from '../../src/explore/evaluate.js';
import { explorerPage } from '../../src/explore/page.js';
import { readScenarioFile } from '../../src/scenario/load.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { ScenarioError } from '../../src/errors.js';
import { SCRIPT_NAME, rawScenario, runFixture } from '../html/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'evacsim-explore-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('evaluate', () => {
  it('gives the page the figures the library computes', () => {
    const { summary } = runFixture();
    const outcome = evaluate(rawScenario());
    expect(outcome.people).toEqual(summary.people);
    expect(outcome.figures.find((f) => f.key === 'evacuated')?.value).toBe(summary.people.evacuated);
    expect(outcome.series.evacuated.at(-1)).toBe(summary.people.evacuated);
    expect(outcome.districts).toContain('&quot;&gt;&lt;img');
  });

  it('runs the scenario as written without checking its variants, which it never runs', () => {
    // A variant that no longer applies (here, to a hazard switched off) would fail the scenario's own parse.
    const raw = { ...rawScenario(), variants: [{ name: 'gone', set: { 'hazards[99].from': '1h' } }] };
    expect(() => parseScenario(raw)).toThrow(ScenarioError);
    expect(evaluate(raw)).toEqual(evaluate(rawScenario()));
  });

  it('says why a changed scenario cannot run', () => {
    const raw = rawScenario();
    (raw.fleets as { vehicles: number }[])[0].vehicles = -1;
    expect(() => evaluate(raw)).toThrow(ScenarioError);
  });
});

describe('explorerPage', () => {
  it('escapes the scenario name and loads only its own script and stylesheet', () => {
    const page = explorerPage(SCRIPT_NAME);
    expect(page).not.toContain(SCRIPT_NAME);
    expect(page).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;: what if?</title>');
    expect(page.match(/<script\b[^>]*>/g)).toEqual(['<script src="/app.js">']);
    expect(page).toContain('<link rel="stylesheet" href="/style.css"/>');
  });
});

describe('readScenarioFile', () => {
  it('gives the explorer JSON and YAML scenario files as written, beside the parsed scenario', () => {
    const json = join(dir, 'tiny.json');
    writeFileSync(json, `\uFEFF${JSON.stringify(rawScenario())}`);
    const file = readScenarioFile(json);
    expect(file.value).toEqual(rawScenario());
    expect(file.scenario.name).toBe(rawScenario().name);
    const yaml = join(dir, 'tiny.yaml');
    writeFileSync(yaml, `# written by hand\n${YAML.stringify(rawScenario())}`);
    expect(readScenarioFile(yaml).value).toEqual(rawScenario());
  });
});

describe('evacsim explore', () => {
  async function cli(...argv: string[]) {
    let err = '';
    const code = await main(argv, { out: () => {}, err: (t) => (err += t) });
    return { code, err };
  }

  it('exits 2 on a port out of range', async () => {
    const { code, err } = await cli('explore', '--port', '70000');
    expect(code).toBe(2);
    expect(err).toBe('evacsim: --port must be a whole number from 0 to 65535, got 70000\n');
  });

  it('exits 2 on a scenario that does not load, before serving anything', async () => {
    const { code, err } = await cli('explore', join(dir, 'missing.json'), '--port', '0');
    expect(code).toBe(2);
    expect(err).toContain('file not found');
  });
});

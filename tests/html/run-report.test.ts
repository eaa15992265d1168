import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { renderReport } from '../../src/html/render-report.js';
import { simulateWithTraffic } from '../../src/html/traffic.js';
import { rawScenario, runFixture } from './fixtures.js';
import { LinkRecorder } from '../../src/report/link-congestion.js';
import { compileScenario } from '../../src/network/compile.js';
import { analyzeNetwork } from '../../src/analysis/analyze.js';
import { formatCount, formatDuration } from '../../src/report/format.js';
import { loadScenarioFile } from '../../src/scenario/load.js';

const dir = mkdtempSync(join(tmpdir(), 'evacsim-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

describe('evacsim run --report', () => {
  const scenarioFile = join(dir, 'tiny.json');
  writeFileSync(scenarioFile, JSON.stringify(rawScenario()));

  it('writes the report of the run beside the usual summary', async () => {
    const file = join(dir, 'out', 'report.html');
    const { code, out } = await cli('run', scenarioFile, '--report', file);
    expect(code).toBe(0);
    expect(out).toContain('People');
    const { scenario, result, summary } = runFixture();
    // The command also records each link's queue times for the bottleneck table; the run itself is the same.
    const recorder = new LinkRecorder();
    const { traffic } = simulateWithTraffic(scenario, undefined, recorder.trace);
    const congestion = recorder.congestion(result, compileScenario(scenario), scenario.reportBinSeconds);
    const network = analyzeNetwork(scenario);
    const html = readFileSync(file, 'utf8');
    expect(html).toBe(renderReport(result, summary, scenario, { traffic, congestion, network }));
    expect(html).toContain('<section id="network">');
    expect(html).toContain('<a href="#network">network</a>');
  });

  it('shows the network analysis of the Kursk scenario: the Seym bridge among the critical roads, the cut of the whole area', async () => {
    const file = join(dir, 'kursk.html');
    expect((await cli('run', 'scenarios/kursk-2024.json', '--report', file)).code).toBe(0);
    const html = readFileSync(file, 'utf8');
    const section = html.slice(html.indexOf('<section id="network">'), html.indexOf('</section>', html.indexOf('<section id="network">')));
    const analysis = analyzeNetwork(loadScenarioFile('scenarios/kursk-2024.json'));
    expect(section).toContain('glushkovo-seym-bridge:back');
    expect(section).toContain(formatCount(Math.round(analysis.criticalRoads[0].people)));
    const all = analysis.cuts[0];
    expect(section).toContain(formatCount(Math.round(all.capacityVehPerHour as number)));
    expect(section).toContain(formatDuration((all.lowerBoundHours as number) * 3600));
  });

  it('compares with a baseline scenario: its curves, map and settlements', async () => {
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ ...rawScenario(), households: { size: 2.5, carShare: 0.1 } }));
    const file = join(dir, 'compared.html');
    expect(await cli('run', scenarioFile, '--report', file, '--baseline', other)).toMatchObject({ code: 0, err: '' });
    const html = readFileSync(file, 'utf8');
    const data = JSON.parse(html.match(/id="report-data">([\s\S]*?)<\/script>/)?.[1] ?? 'null');
    expect(data.baseline.label).toBe('baseline other.json');
    expect(data.baseline.series.evacuated.length).toBeGreaterThan(1);
    expect(data.baseline.map.settlements).toHaveLength(2);
    expect(html).toContain('<section id="comparison">');
  });

  it("reads the baseline's settlements at the map's own instants, whatever the baseline's report bins", async () => {
    // The same run with half-hour report bins: the map's instants fall between the baseline's.
    const halfHours = join(dir, 'half-hours.json');
    writeFileSync(halfHours, JSON.stringify({ ...rawScenario(), reportBinSeconds: '30m' }));
    const file = join(dir, 'same-run.html');
    expect((await cli('run', halfHours, '--report', file, '--baseline', scenarioFile)).code).toBe(0);
    const data = JSON.parse(readFileSync(file, 'utf8').match(/id="report-data">([\s\S]*?)<\/script>/)?.[1] ?? 'null');
    expect(data.baseline.map.times).toEqual(data.map.times);
    for (const [i, s] of data.map.settlements.entries()) expect(data.baseline.map.settlements[i].over.evacuated).toEqual(s.over.evacuated);
  });

  it('compares with a summary JSON, which has no curves', async () => {
    const summaryFile = join(dir, 'summary.json');
    const json = await cli('run', scenarioFile, '--json', '--seed', '5');
    writeFileSync(summaryFile, json.out);
    const file = join(dir, 'vs-summary.html');
    expect(await cli('run', scenarioFile, '--report', file, '--baseline', summaryFile)).toMatchObject({ code: 0, err: '' });
    const html = readFileSync(file, 'utf8');
    const data = JSON.parse(html.match(/id="report-data">([\s\S]*?)<\/script>/)?.[1] ?? 'null');
    expect(data.baseline.series).toBeNull();
    expect(data.baseline.figures.find((f: { key: string }) => f.key === 'evacuated').value).toBe(JSON.parse(json.out).people.evacuated);
  });

  it('warns, naming what differs, when the baseline is of another scenario; the report is still written', async () => {
    const summaryFile = join(dir, 'two-towns-summary.json');
    writeFileSync(summaryFile, (await cli('run', 'scenarios/two-towns.json', '--json')).out);
    const settlements = ['  settlements only in the baseline (2): north, south\n', '  settlements only in this scenario (2): s1, s2\n'];
    const header = (path: string) => `evacsim: warning: --baseline ${path} does not match this scenario (the report pairs settlements by id):\n`;
    const bySummary = await cli('run', scenarioFile, '--report', join(dir, 'vs-two-towns.html'), '--baseline', summaryFile);
    expect(bySummary.code).toBe(0);
    expect(bySummary.err).toBe(header(summaryFile) + settlements.join(''));
    expect(existsSync(join(dir, 'vs-two-towns.html'))).toBe(true);
    // Run here, a scenario's network is compared too.
    const byScenario = await cli('run', scenarioFile, '--report', join(dir, 'vs-two-towns-run.html'), '--baseline', 'scenarios/two-towns.json');
    expect(byScenario.code).toBe(0);
    expect(byScenario.err).toBe(header('scenarios/two-towns.json') + [
      ...settlements,
      '  nodes only in the baseline (5): north, south, junction, school, region-edge\n',
      '  nodes only in this scenario (4): a, b, c, d\n',
      '  roads only in the baseline (4): north-road, south-road, to-school, highway\n',
      '  roads only in this scenario (3): a-b, b-c, b-d<x>\n',
    ].join(''));
    expect(existsSync(join(dir, 'vs-two-towns-run.html'))).toBe(true);
  });

  it('refuses a baseline that is neither a summary nor a scenario, before writing anything', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ people: { told: 1 }, clearance: {} }));
    const file = join(dir, 'never.html');
    const { code, err } = await cli('run', scenarioFile, '--report', file, '--baseline', bad);
    expect(code).toBe(2);
    expect(err).toBe(`evacsim: --baseline ${bad}: not a summary JSON: people.complied: missing required field\n`);
    expect(existsSync(file)).toBe(false);
    expect((await cli('run', scenarioFile, '--baseline', bad)).err).toContain('--baseline needs --report');
  });

  it('words a wrong key of a summary baseline as scenario problems are worded, with its path', async () => {
    const summary = JSON.parse((await cli('run', scenarioFile, '--json')).out);
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ ...summary, people: { ...summary.people, told: 'many' } }));
    const file = join(dir, 'never.html');
    expect((await cli('run', scenarioFile, '--report', file, '--baseline', wrong)).err)
      .toBe(`evacsim: --baseline ${wrong}: not a summary JSON: people.told: must be a number, got "many"\n`);
    delete summary.settlements[1].name;
    writeFileSync(wrong, JSON.stringify(summary));
    expect((await cli('run', scenarioFile, '--report', file, '--baseline', wrong)).err)
      .toBe(`evacsim: --baseline ${wrong}: not a summary JSON: settlements[1].name: missing required field\n`);
    expect(existsSync(file)).toBe(false);
  });

  it('names the baseline in every problem with it: bytes that are not JSON, a scenario with errors', async () => {
    const file = join(dir, 'never.html');
    const binary = join(dir, 'binary.json');
    writeFileSync(binary, Buffer.from([0x12, 0x60, 0xff, 0xfe, 0x38]));
    expect(await cli('run', scenarioFile, '--report', file, '--baseline', binary)).toEqual({
      code: 2, out: '', err: `evacsim: --baseline ${binary}: not valid JSON (a summary from run --json, or a scenario)\n`,
    });
    const list = join(dir, 'list.json');
    writeFileSync(list, '[]');
    expect(await cli('run', scenarioFile, '--report', file, '--baseline', list)).toEqual({
      code: 2, out: '', err: `--baseline ${list}: a scenario must be an object, got []\n`,
    });
    const partial = join(dir, 'partial.json');
    writeFileSync(partial, JSON.stringify({ ...JSON.parse(readFileSync(scenarioFile, 'utf8')), horizon: 'soon' }));
    const r = await cli('run', scenarioFile, '--report', file, '--baseline', partial);
    expect(r.code).toBe(2);
    expect(r.err.startsWith(`--baseline ${partial} horizon: `)).toBe(true);
    expect(existsSync(file)).toBe(false);
  });

  it('refuses a report over its own baseline before any run', async () => {
    const baseline = join(dir, 'same.json');
    writeFileSync(baseline, (await cli('run', scenarioFile, '--json')).out);
    const before = readFileSync(baseline, 'utf8');
    const r = await cli('run', scenarioFile, '--report', baseline, '--baseline', baseline);
    expect(r).toEqual({ code: 2, out: '', err: `evacsim: cannot write ${baseline}: it is the input of this command; name another file\n` });
    expect(readFileSync(baseline, 'utf8')).toBe(before);
  });

  it('uses the seed given on the command line', async () => {
    const file = join(dir, 'seed.html');
    expect((await cli('run', scenarioFile, '--seed', '11', '--report', file)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Seed 11 ·');
  });

  it('exits 2 with one line when the report cannot be written', async () => {
    const { code, err } = await cli('run', scenarioFile, '--report', dir);
    expect(code).toBe(2);
    expect(err).toMatch(/^evacsim: cannot write .*: .*\n$/);
  });
});

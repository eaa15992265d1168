import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { renderReport } from '../../src/html/report.js';
import { rawScenario, runFixture } from './fixtures.js';
import { LinkRecorder } from '../../src/report/link-congestion.js';
import { compileScenario } from '../../src/network/compile.js';
import { simulate } from '../../src/simulation/simulate.js';

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
    // The command records the link traversals for the bottlenecks' queue times; the run itself is the same.
    const recorder = new LinkRecorder();
    expect(simulate(scenario, { trace: recorder.trace })).toEqual(result);
    const congestion = recorder.congestion(result, compileScenario(scenario), scenario.reportBinSeconds);
    expect(readFileSync(file, 'utf8')).toBe(renderReport(result, summary, scenario, congestion));
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

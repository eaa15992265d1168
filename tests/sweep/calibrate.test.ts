// `evacsim calibrate`: rejection ABC recovers a parameter whose true value made
// the target. The target is the library's own simulate() result at a known
// compliance; calibration over a wide prior must accept sets around it only.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { summarize } from '../../src/report/summary.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { simulate } from '../../src/simulation/simulate.js';
import type { SweepRow } from '../../src/sweep/row.js';
import { runSeed } from '../../src/sweep/seeds.js';
import { parseCsv } from './csv.js';
import { sweepFile, tempDir } from './fixtures.js';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => (stdout += t), err: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('evacsim calibrate', () => {
  it('recovers a known compliance from a target made with it', async () => {
    const TRUE = 0.7;
    const file = sweepFile();
    const truth = { ...file, orders: file.orders.map((o) => ({ ...o, compliance: TRUE })), targets: [] };
    const scenario = parseScenario(truth);
    // Calibration runs share one seed (common random numbers): the target is made with it too.
    const seed = runSeed(file.seed, null, 0);
    const evacuated = summarize(simulate(scenario, { seed }), scenario).people.evacuated;
    const path = join(tempDir(), 'calibrate.json');
    writeFileSync(path, JSON.stringify({ ...file, targets: [{ metric: 'people.evacuated', at: '1d', value: evacuated, tolerance: 0.03 }] }));
    const out = join(tempDir(), 'cal');
    const result = await cli(['calibrate', path, '--free', 'orders[*].compliance=0.3:1', '--free', 'households.carShare=0.5:0.9', '--samples', '60', '--workers', '0', '--quiet', '--out', out]);
    expect(result.code).toBe(0);
    const accepted = parseCsv(readFileSync(join(out, 'accepted.csv'), 'utf8'));
    const compliances = accepted.map((r) => Number(r['orders[*].compliance']));
    expect(compliances.length).toBeGreaterThan(0);
    expect(Math.min(...compliances)).toBeLessThanOrEqual(TRUE + 0.05);
    expect(Math.max(...compliances)).toBeGreaterThanOrEqual(TRUE - 0.05);
    // Pinned down: every accepted compliance within ±0.1 of the truth, out of a prior 0.7 wide.
    for (const c of compliances) expect(Math.abs(c - TRUE)).toBeLessThan(0.1);
    // Every accepted run met its target, and no rejected one did.
    const rows = readFileSync(join(out, 'runs.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as SweepRow);
    const met = rows.filter((r) => Math.abs((r.metrics['targets[0].actual'] as number) - evacuated) <= 0.03 * evacuated);
    expect(met.map((r) => r.run)).toEqual(accepted.map((r) => Number(r.run)));
    const md = readFileSync(join(out, 'summary.md'), 'utf8');
    expect(md).toContain(`${accepted.length} of 60 runs met every target of the scenario (acceptance rate ${((100 * accepted.length) / 60).toFixed(1)} %)`);
    expect(md).toMatch(/\| `orders\[\*\]\.compliance` \| 0\.3 – 1 \|/);
  });

  it('refuses a scenario without targets and a call without --free (exit 2)', async () => {
    const path = join(tempDir(), 'none.json');
    writeFileSync(path, JSON.stringify({ ...sweepFile(), targets: [] }));
    const none = await cli(['calibrate', path, '--free', 'households.carShare=0.5:0.9', '--out', join(tempDir(), 'x')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('has no targets to calibrate against');
    const free = await cli(['calibrate', path, '--out', join(tempDir(), 'x')]);
    expect(free.stderr).toContain('name at least one free parameter with --free PATH=LOW:HIGH');
  });

  it('checks the two ends of each free range first: one line per end outside what the field takes', async () => {
    const path = join(tempDir(), 'targets.json');
    writeFileSync(path, JSON.stringify(sweepFile()));
    const r = await cli(['calibrate', path, '--free', 'households.carShare=-1:0.5', '--samples', '40', '--dry-run']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('households.carShare: must be between 0 and 1, got -1 (with households.carShare=-1)\n');
    const fine = await cli(['calibrate', path, '--free', 'households.carShare=0.2:0.5', '--samples', '40', '--dry-run']);
    expect(fine.code).toBe(0);
  });
});

// What each variant of an ETE study stands for (its `description`: a season, a time of
// day, the weather) heads the text and the report, and ete.json keeps it: a reviewer reads
// each column by it. The base without a description is "the scenario as written"; a study
// whose variants have no description lists none.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eteJson, eteText } from '../../src/ete/output.js';
import { runEteStudy } from '../../src/ete/study.js';
import { renderEteReport } from '../../src/html/ete-report.js';
import { loadScenario } from '../../src/index.js';
import { cli } from '../helpers/cli.js';

const bottleneck = loadScenario('scenarios/bottleneck.json');
const variants = [
  { name: 'base', description: '', scenario: bottleneck },
  { name: 'wet', description: 'Heavy rain, a weekday evening', scenario: bottleneck },
  { name: 'plain', description: '', scenario: bottleneck },
];

describe('variant descriptions in the ETE study', () => {
  const study = runEteStudy(variants, { zones: [{ kind: 'district' }] });

  it('head the text, the report and ete.json', () => {
    expect(eteText(study, 'bottleneck').split('\n').slice(1, 5)).toEqual([
      'Variants:', '  base: the scenario as written', '  wet: Heavy rain, a weekday evening', '  plain',
    ]);
    expect(JSON.parse(eteJson(study)).descriptions).toEqual(['', 'Heavy rain, a weekday evening', '']);
    expect(renderEteReport(study, 'bottleneck')).toContain('<li><strong>wet</strong>: Heavy rain, a weekday evening</li>');
  });

  it('are not listed when no variant has one', () => {
    const plain = runEteStudy([variants[0]], { zones: [{ kind: 'district' }] });
    expect(eteText(plain, 'bottleneck')).not.toContain('Variants:');
    expect(renderEteReport(plain, 'bottleneck')).not.toContain('class="variants"');
  });

  it('come from the scenario file through evacsim ete', async () => {
    const file = JSON.parse(readFileSync('scenarios/kursk-2024.json', 'utf8')) as { variants: { name: string; description: string }[] };
    const r = await cli('ete', '--variants', 'base,rain', '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).descriptions).toEqual(['', file.variants.find((v) => v.name === 'rain')?.description]);
  });

  it('with their shadow evacuees, when the scenario has some', () => {
    const shadowy = { ...bottleneck, shadowShare: 0.5, settlements: [...bottleneck.settlements, { ...bottleneck.settlements[0], id: 'untold', name: 'untold' }] };
    const with2 = runEteStudy([{ name: 'base', scenario: shadowy }, { name: 'none', scenario: bottleneck }], { zones: [{ kind: 'district' }], replications: 2 });
    expect(with2.shadow[0]).toBeGreaterThan(0);
    // Of the people of the untold settlement, half leave: a count's mean over the two runs.
    expect(with2.shadow[0]).toBeLessThanOrEqual(shadowy.settlements[1].population);
    expect(with2.shadow[1]).toBe(0);
    const line = `Shadow evacuees, never told and leaving anyway (mean of 2 runs): base ${with2.shadow[0].toLocaleString('en-US', { maximumFractionDigits: 0 })}, none 0`;
    expect(eteText(with2, 'bottleneck').split('\n')).toContain(line);
    expect(JSON.parse(eteJson(with2)).shadow).toEqual(with2.shadow);
    expect(renderEteReport(with2, 'bottleneck')).toContain(line);
    expect(eteText(study, 'bottleneck')).not.toContain('Shadow evacuees');
  });
});

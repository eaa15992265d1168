// The summary keys the README (§ Summary) and docs/design.md (§5) document against
// what summarize() writes: every key written is named in the README's section, every
// key its table lists is written, and design.md's example holds only keys that are.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScenario, simulate, summarize } from '../../src/index.js';
import { parseJsoncText } from '../../src/scenario/jsonc.js';

/** The key paths of `value`: `a.b`, with `[]` for the elements of a list (their keys merged). */
function keyPaths(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) if (typeof item === 'object' && item !== null) keyPaths(item, `${prefix}[]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      out.add(path);
      keyPaths(child, path, out);
    }
  }
  return out;
}

// two-towns with what adds keys: equilibrium routing, a registration queue, a special
// facility, a capture that takes a bus, targets with bounds and a note.
const raw = JSON.parse(readFileSync('scenarios/two-towns.json', 'utf8'));
raw.routing = { mode: 'equilibrium', iterations: 2 };
raw.shelters[0].processingPerHour = 300;
raw.settlements.push({ id: 'care', node: 'south', population: 40, district: 'South', facility: 'nursing-home' });
raw.targets.push({ metric: 'people.evacuated', min: 1, max: 1e9, note: 'bounds' }, { metric: 'people.evacuated', scope: { district: 'North' }, value: 10 });
const scenario = parseScenario(raw);
const summary = summarize(simulate(scenario), scenario, { variant: 'v' });
const written = keyPaths(summary, '', new Set());

const readme = readFileSync('README.md', 'utf8');
const section = readme.slice(readme.indexOf('\n## Summary\n'), readme.indexOf('`timeseries.csv` has one row per bin'));

describe('documented summary keys', () => {
  it('a shelter\'s kind is one of the two the README names', () => {
    expect(section).toContain('`kind` (`shelter`, or `exit` with `capacity` null)');
    expect(summary.shelters.map((s) => [s.kind, s.capacity])).toEqual([['shelter', 400], ['exit', null]]);
  });

  it('the run has the keys that only some runs write', () => {
    for (const key of ['variant', 'routing.relativeGap', 'shelters[].registration.peakQueue', 'settlements[].facility', 'targets[].note', 'targets[].scope.district']) {
      expect(written).toContain(key);
    }
  });

  it('every key summarize() writes is named in the README section', () => {
    const named = new Set([...section.matchAll(/`([A-Za-z0-9]+)(?:\[\])?`/g)].map((m) => m[1]));
    const missing = [...written].filter((path) => path.split('.').some((part) => !named.has(part.replace(/\[\]$/, ''))));
    // scope's own keys are those of a scenario target's scope (§ Scenario format)
    expect(missing.filter((p) => !p.startsWith('targets[].scope.'))).toEqual([]);
  });

  it('every key in the first column of the README table is written', () => {
    const table = section.slice(section.indexOf('| key | meaning |'));
    const keys = [...table.matchAll(/^\| ([^|]+) \|/gm)].map((m) => m[1]).filter((c) => c !== 'key' && !c.startsWith('---'));
    const named = keys.flatMap((cell) => [...cell.matchAll(/`([A-Za-z]+)(?:\[\])?`/g)].map((m) => m[1]));
    expect(named.length).toBeGreaterThan(12);
    const top = new Set(Object.keys(summary));
    expect(named.filter((k) => !top.has(k))).toEqual([]);
  });

  it('design.md §5 shows only keys that are written', () => {
    const design = readFileSync('docs/design.md', 'utf8');
    const block = /## 5\. Summary JSON[\s\S]*?```jsonc\n([\s\S]*?)```/.exec(design) as RegExpExecArray;
    const example = parseJsoncText(block[1], 'design.jsonc');
    expect([...keyPaths(example, '', new Set())].filter((p) => !written.has(p))).toEqual([]);
  });
});

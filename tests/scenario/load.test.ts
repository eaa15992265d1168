import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadScenarioFile, parseScenarioText } from '../../src/scenario/load.js';
import { parseScenario } from '../../src/scenario/parse.js';
import { issuesOf, minimalFile } from './fixtures.js';

const YAML_SCENARIO = `
name: minimal
network:
  nodes:
    - { id: village, x: 0, y: 0 }
    - { id: town, x: 3000, y: 4000 }
    - { id: city, x: 3000, y: 10000 }
  roads:
    - { id: r1, from: village, to: town }
    - { id: r2, from: town, to: city, lengthKm: 6.5 }
settlements:
  - id: village
    node: village
    population: 1000
    district: North
    region: Kursk
shelters:
  - id: city-exit
    node: city
`;

describe('parseScenarioText', () => {
  test('YAML parses to the same Scenario as the equivalent JSON', () => {
    const fromYaml = parseScenarioText(YAML_SCENARIO, 'minimal.yaml');
    expect(fromYaml).toEqual(parseScenarioText(JSON.stringify(minimalFile()), 'minimal.json'));
    expect(parseScenarioText(YAML_SCENARIO, 'minimal.YML')).toEqual(fromYaml);
  });

  test('YAML keeps ISO date-times and words like "no" as strings', () => {
    const yaml = `${YAML_SCENARIO}start: 2024-08-06T03:00:00+03:00\ndescription: no\n`;
    const scenario = parseScenarioText(yaml, 'minimal.yaml');
    expect([scenario.start, scenario.description]).toEqual(['2024-08-06T03:00:00+03:00', 'no']);
  });

  test('a JSON syntax error gives the file, line and column', () => {
    const text = '{\n  "name": "x",\n  "seed" 2\n}\n';
    expect(issuesOf(() => parseScenarioText(text, 'scenario.json'))).toEqual([
      { path: '', message: 'scenario.json:3:10: invalid JSON: expected ":" after the property name' },
    ]);
  });

  test('a trailing comma and a cut-off file are located too', () => {
    expect(issuesOf(() => parseScenarioText('{"orders": [1,]}', 'a.json'))).toEqual([
      { path: '', message: 'a.json:1:15: invalid JSON: unexpected "]"' },
    ]);
    expect(issuesOf(() => parseScenarioText('{"name": "x",\n', 'a.json'))).toEqual([
      { path: '', message: 'a.json:2:1: invalid JSON: expected a property name in double quotes' },
    ]);
  });

  test('a second YAML document and a list as a key are refused at their line, in plain words', () => {
    expect(issuesOf(() => parseScenarioText('name: x\n---\nname: y\n', 'two.yaml'))).toEqual([
      { path: '', message: 'two.yaml:2:1: invalid YAML: a scenario file holds one YAML document; a line "---" here starts another' },
    ]);
    expect(issuesOf(() => parseScenarioText('name: x\nnetwork:\n  ? [a, b]\n  : 1\n', 'key.yaml'))).toEqual([
      { path: '', message: 'key.yaml:3:5: invalid YAML: a key that is a list or a mapping; keys must be plain names' },
    ]);
  });

  test('an alias of a list used as a key is refused like the list', () => {
    expect(issuesOf(() => parseScenarioText('list: &k [1, 2]\n*k : 3\n', 'alias.yaml'))).toEqual([
      { path: '', message: 'alias.yaml:2:1: invalid YAML: a key that is a list or a mapping; keys must be plain names' },
    ]);
  });

  test('a YAML syntax error gives the file, line and column', () => {
    const text = 'name: x\nname: y\n';
    expect(issuesOf(() => parseScenarioText(text, 'scenario.yaml'))).toEqual([
      { path: '', message: 'scenario.yaml:2:1: invalid YAML: Map keys must be unique' },
    ]);
  });

  test('a YAML alias bomb is rejected before it expands', () => {
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd'], ['f', 'e'], ['g', 'f']]) {
      rows.push(`${name}: &${name} [${Array(10).fill(`*${previous}`).join(', ')}]`);
    }
    expect(issuesOf(() => parseScenarioText(rows.join('\n'), 'bomb.yaml'))).toEqual([
      { path: '', message: 'bomb.yaml: invalid YAML: more than 100 alias references; expand them or simplify the file' },
    ]);
  });

  test('a few YAML aliases are fine', () => {
    const yaml = `${YAML_SCENARIO}orders:\n  - { at: 1h, settlements: &who [village] }\n  - { at: 2h, settlements: *who }\n`;
    expect(parseScenarioText(yaml, 'a.yaml').orders.map((order) => order.settlements)).toEqual([['village'], ['village']]);
  });

  test('a byte-order mark at the start is ignored', () => {
    expect(parseScenarioText(`\uFEFF${JSON.stringify(minimalFile())}`, 'a.json').name).toBe('minimal');
  });

  test('an unknown extension is refused', () => {
    expect(issuesOf(() => parseScenarioText('{}', 'scenario.toml'))).toEqual([
      { path: '', message: 'scenario.toml: unknown scenario file type ".toml"; use .json, .jsonc (JSON with comments), .yaml or .yml' },
    ]);
  });

  test('a network.geojson file is looked for beside the named scenario file', () => {
    const file = { ...minimalFile(), network: { geojson: 'roads.geojson' } };
    expect(issuesOf(() => parseScenarioText(JSON.stringify(file), 'no-such-dir/scenario.json'))).toEqual([
      { path: 'network.geojson', message: `${join('no-such-dir', 'roads.geojson')}: file not found` },
    ]);
  });

  test('scenario problems pass through unchanged', () => {
    const text = JSON.stringify({ ...minimalFile(), seed: -1 });
    expect(issuesOf(() => parseScenarioText(text, 'a.json'))).toEqual(issuesOf(() => parseScenario(JSON.parse(text))));
  });
});

describe('loadScenarioFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'evacsim-scenario-'));

  test('loadScenarioFile reads JSON and YAML files', () => {
    const json = join(dir, 'minimal.json');
    const yaml = join(dir, 'minimal.yaml');
    writeFileSync(json, JSON.stringify(minimalFile(), null, 2));
    writeFileSync(yaml, YAML_SCENARIO);
    expect(loadScenarioFile(yaml)).toEqual(loadScenarioFile(json));
    expect(loadScenarioFile(json)).toEqual(parseScenario(minimalFile()));
  });

  test('a missing file is a ScenarioError naming the path', () => {
    const path = join(dir, 'missing.json');
    expect(issuesOf(() => loadScenarioFile(path))).toEqual([{ path: '', message: `${path}: file not found` }]);
  });

  test('an empty file, or one of only blank space or comments, is named and called empty', () => {
    const contents: [string, string][] = [
      ['empty.json', ''], ['blank.json', ' \n\t\r\n'],
      ['empty.jsonc', ''], ['comments.jsonc', '// nothing yet\n/* still nothing */\n'],
      ['empty.yaml', ''], ['blank.yml', '\n  \n'], ['comments.yaml', '# nothing yet\n'],
    ];
    for (const [name, text] of contents) {
      const path = join(dir, name);
      writeFileSync(path, text);
      expect(issuesOf(() => loadScenarioFile(path))).toEqual([{ path: '', message: `${path}: the file is empty; a scenario is an object` }]);
    }
  });

  test('a directory is not a scenario file', () => {
    expect(issuesOf(() => loadScenarioFile(dir))).toEqual([{ path: '', message: `${dir}: is a directory, not a scenario file` }]);
  });
});

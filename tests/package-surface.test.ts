// The package's public surface: the entry points the exports map names resolve
// by the package's own name to the built library and command line, and no
// folder keeps an index.ts that nothing imports.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

/** Names exported by each of `specifiers`, imported by one fresh Node process in the package folder. */
function exportedNames(...specifiers: string[]): string[][] {
  const script = `for (const s of ${JSON.stringify(specifiers)}) console.log(Object.keys(await import(s)).sort().join(' '));`;
  return execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }).trimEnd().split('\n').map((line) => line.split(' '));
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|mjs|js)$/.test(f) ? [path] : [];
  });
}

describe('package surface', () => {
  it('the exports map names the library and the command line, built from src/index.ts and src/cli/main.ts', () => {
    expect(Object.keys(pkg.exports)).toEqual(['.', './cli', './package.json']);
    expect(pkg.exports['.']).toEqual({ types: './dist/src/index.d.ts', default: './dist/src/index.js' });
    expect(pkg.exports['./cli']).toEqual({ types: './dist/src/cli/main.d.ts', default: './dist/src/cli/main.js' });
    const [library, cli] = exportedNames('evacsim', 'evacsim/cli');
    expect(library).toEqual(expect.arrayContaining(['loadScenario', 'parseScenario', 'simulate', 'summarize', 'ScenarioError']));
    expect(cli).toContain('main');
  });

  it('the package holds what an install runs, and not the tests, sources or benchmarks', () => {
    const listed = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { encoding: 'utf8' })) as { files: { path: string }[] }[];
    const paths = listed[0].files.map((f) => f.path);
    // The command, its bundle and sweep worker, the library, the report's and explorer's scripts, the built-in scenario.
    for (const needed of ['bin/evacsim.js', 'dist/cli/evacsim.mjs', 'dist/src/sweep/worker.js', 'dist/src/index.js', 'dist/src/index.d.ts', 'dist/browser/report.js', 'dist/browser/explorer.js', 'scenarios/kursk-2024.json', 'package.json', 'README.md']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((p) => /^(tests|src|benchmarks|scripts|dist\/benchmarks)\//.test(p))).toEqual([]);
  });

  it('every index.ts under src/ is imported by something', () => {
    const importers = new Map<string, string[]>();
    for (const file of ['src', 'tests', 'benchmarks', 'scripts'].flatMap(files)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/(?:from|import\()\s*['"](\.[^'"]+)['"]/g)) {
        const target = normalize(join(dirname(file), m[1])).replace(/\.js$/, '.ts');
        importers.set(target, [...(importers.get(target) ?? []), file]);
      }
    }
    const unused = files('src').filter((f) => f.endsWith('index.ts') && f !== join('src', 'index.ts') && !importers.has(f));
    expect(unused).toEqual([]);
  });
});

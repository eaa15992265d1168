// Files at scale: the generated street grid run as a planner runs it, without
// files, with `--out DIR` (summary and the four CSV files) and with `--report
// FILE` (the HTML report), each in a fresh process: what writing the results
// adds to the run, in time and memory.
import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate, scenarioJson } from '../src/generate/index.js';
import { runEvacsim } from './process.js';

export interface FilesRow {
  /** The command's options after `run <file>`. */
  options: string;
  seconds: number;
  maxRssBytes: number;
  /** Bytes written (0 without files). */
  bytes: number;
}

/** Runs the `people` grid (seeded) three ways in `dir`: no files, --out, --report. */
export function filesRun(people: number, dir: string, seed = 1): FilesRow[] {
  const file = join(dir, `files-grid-${people}.json`);
  writeFileSync(file, scenarioJson(generate('grid', { people, seed })));
  const out = join(dir, `files-out-${people}`);
  const report = join(dir, `files-report-${people}.html`);
  const ways: { options: string[]; written: () => number }[] = [
    { options: [], written: () => 0 },
    { options: ['--out', out], written: () => readdirSync(out).reduce((n, f) => n + statSync(join(out, f)).size, 0) },
    { options: ['--report', report], written: () => statSync(report).size },
  ];
  return ways.map((way) => {
    const run = runEvacsim(['run', file, '--json', ...way.options]);
    return { options: way.options.length === 0 ? '(none)' : way.options[0], seconds: run.seconds, maxRssBytes: run.maxRssBytes, bytes: way.written() };
  });
}

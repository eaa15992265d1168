// A design from a file: a CSV whose header names `--set` paths and whose rows
// are the points, each value written as `--set` writes one (0.7, 2h, true,
// "quoted text"). Lets SALib, the EMA Workbench or R draw the design.

import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import type { SweepDesign } from './design.js';
import { parsePath } from './path.js';
import { parseItem, type Value } from './values.js';

/**
 * The parameters and points of the design CSV `text`; `file` names it in messages, and
 * `places` where each point was read (`design.csv:3`, for the messages of points that
 * do not fit the scenario). Throws InputError for a malformed file.
 */
export function readDesignFile(text: string, file: string): Pick<SweepDesign, 'parameters' | 'points'> & { kind: 'points'; places: string[] } {
  let records: string[][];
  let lines: number[];
  try {
    const read = parse(text.replace(/^\uFEFF/, ''), { skip_empty_lines: true, trim: true, comment: '#', relax_column_count: false, info: true }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
    records = read.map((r) => r.record);
    lines = read.map((r) => r.info.lines);
  } catch (error) {
    throw new InputError(`${file}: ${(error as Error).message}`);
  }
  if (records.length === 0) throw new InputError(`${file}: empty; the first line names the parameters (--set paths)`);
  const [header, ...rows] = records;
  header.forEach((name, i) => {
    if (name === '') throw new InputError(`${file}: column ${i + 1} of the header has no name`);
    const before = header.indexOf(name);
    if (before < i) throw new InputError(`${file}: columns ${before + 1} and ${i + 1} of the header both name ${name}; give each parameter one column`);
    // Read here so a malformed path names the file and column, not a --set that was never typed.
    parsePath(name, `${file}: column ${i + 1},`);
  });
  if (rows.length === 0) throw new InputError(`${file}: no points below the header`);
  const points = rows.map((row, r) =>
    row.map((cell, c): Value => {
      if (cell === '') throw new InputError(`${file}:${lines[r + 1]}: column ${header[c]} is empty; write null for a null value`);
      return parseItem(cell, `${file}:${lines[r + 1]}: column ${header[c]}`);
    }),
  );
  return { kind: 'points', parameters: header.map((path) => ({ path })), points, places: lines.slice(1).map((line) => `${file}:${line}`) };
}

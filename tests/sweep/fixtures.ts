// A small scenario file for the sweep tests, and helpers to write it out and to
// compare rows apart from their wall time.
//
//   village (North) ──r1── town ──r2── city (exit, bus depot)
//   hamlet (South) ───r3──┘

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SweepRow } from '../../src/sweep/row.js';

/** The scenario file's value; `scale` multiplies the populations (for slower runs). */
export function sweepFile(scale = 1) {
  return {
    name: 'sweep-test',
    seed: 11,
    horizon: '2d',
    stochasticCompliance: true,
    network: {
      nodes: [
        { id: 'village', x: 0, y: 0 },
        { id: 'hamlet', x: 0, y: 3000 },
        { id: 'town', x: 3000, y: 4000 },
        { id: 'city', x: 3000, y: 10000 },
      ],
      roads: [
        { id: 'r1', from: 'village', to: 'town', class: 'tertiary' },
        { id: 'r2', from: 'town', to: 'city', class: 'local', lengthKm: 6.5 },
        { id: 'r3', from: 'hamlet', to: 'town', class: 'local' },
      ],
    },
    settlements: [
      { id: 'village', node: 'village', population: 600 * scale, district: 'North', region: 'Test' },
      { id: 'hamlet', node: 'hamlet', population: 300 * scale, district: 'South', region: 'Test' },
    ],
    shelters: [{ id: 'city-exit', node: 'city' }],
    households: { size: 2, carShare: 0.7 },
    orders: [
      { at: 0, districts: ['North'], compliance: 0.8, mobilization: { kind: 'uniform', median: '30m' } },
      { at: '1h', districts: ['South'], compliance: 0.7, mobilization: { kind: 'weibull', median: '1h', shape: 1.5 } },
    ],
    fleets: [{ id: 'buses', depot: 'city', vehicles: 2, seats: 40 }],
    targets: [{ metric: 'people.evacuated', at: '1d', value: 500, tolerance: 0.5 }],
  };
}

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'evacsim-sweep-'));
}

/** Writes the scenario file into a fresh folder; returns its path. */
export function writeSweepFile(scale = 1): string {
  const path = join(tempDir(), 'sweep-test.json');
  writeFileSync(path, JSON.stringify(sweepFile(scale), null, 2));
  return path;
}

/** A row with its wall time zeroed, for comparing runs made at different times. */
export function timeless(row: SweepRow): SweepRow {
  return { ...row, wallSeconds: 0 };
}

// Shared inputs for the scenario tests: a small valid scenario file, and a way
// to read the issues a ScenarioError carries.

import { expect } from 'vitest';
import { ScenarioError } from '../../src/errors.js';

/**
 * A small valid scenario file, fresh on every call:
 *
 *   village ──r1── town ──r2── city (exit)
 *   (x/y metres: 0,0)   (3000,4000)   (3000,10000)
 */
export function minimalFile() {
  return {
    name: 'minimal',
    network: {
      nodes: [
        { id: 'village', x: 0, y: 0 },
        { id: 'town', x: 3000, y: 4000 },
        { id: 'city', x: 3000, y: 10000 },
      ],
      roads: [
        { id: 'r1', from: 'village', to: 'town' },
        { id: 'r2', from: 'town', to: 'city', lengthKm: 6.5 },
      ],
    },
    settlements: [{ id: 'village', node: 'village', population: 1000, district: 'North', region: 'Kursk' }],
    shelters: [{ id: 'city-exit', node: 'city' }],
  };
}

/** The issues of the ScenarioError `run` throws; fails the test when it throws nothing or something else. */
export function issuesOf(run: () => unknown): { path: string; message: string }[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return (error as ScenarioError).issues;
  }
  expect.fail('expected a ScenarioError');
}

// Mobilization checks run whether or not the rest of the file passed its schema:
// a bad distribution in one order does not hide the problem of another.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseScenario } from '../../src/scenario/parse.js';
import { mobilizationIssues } from '../../src/scenario/mobilization.js';
import { cli } from '../helpers/cli.js';
import { issuesOf, minimalFile } from './fixtures.js';

const withOrders = (...mobilizations: unknown[]) => ({
  ...minimalFile(),
  orders: mobilizations.map((mobilization) => ({ at: 0, settlements: ['village'], mobilization })),
});

describe('every distribution problem at once', () => {
  test('an unknown distribution and a zero median in another order are both reported', () => {
    expect(issuesOf(() => parseScenario(withOrders({ kind: 'gamma', median: '1h' }, { kind: 'weibull', median: 0 })))).toEqual([
      expect.objectContaining({ path: 'orders[0].mobilization.kind' }),
      { path: 'orders[1].mobilization.median', message: 'must be longer than 0 for a weibull distribution, got 0' },
    ]);
  });

  test('a negative shape, a zero median beside it and a maximum below the median elsewhere are all reported', () => {
    expect(
      issuesOf(() => parseScenario(withOrders({ kind: 'weibull', median: 0, shape: 0 }, { kind: 'lognormal', median: '1h', max: '10m' }))),
    ).toEqual([
      { path: 'orders[0].mobilization.shape', message: 'must be greater than 0, got 0' },
      { path: 'orders[0].mobilization.median', message: 'must be longer than 0 for a weibull distribution, got 0' },
      { path: 'orders[1].mobilization.max', message: 'must be at least the median ("1h"), got "10m"' },
    ]);
  });

  test('a shape that puts departures beyond any horizon is refused: a weibull below 0.1, a lognormal above 10', () => {
    // Weibull shape 1e-300: scale = median / ln 2^(1/k) is infinite, and the draws NaN or infinite.
    expect(issuesOf(() => parseScenario(withOrders({ kind: 'weibull', median: '1h', shape: 1e-300 }, { kind: 'lognormal', median: '1h', shape: 50 })))).toEqual([
      { path: 'orders[0].mobilization.shape', message: 'must be at least 0.1 for a weibull distribution (a smaller one puts departures beyond any horizon), got 1e-300' },
      { path: 'orders[1].mobilization.shape', message: 'must be at most 10 for a lognormal distribution (a larger one puts departures beyond any horizon), got 50' },
    ]);
    expect(() => parseScenario(withOrders({ kind: 'weibull', median: '1h', shape: 0.1 }, { kind: 'lognormal', median: '1h', shape: 10 }))).not.toThrow();
  });

  test('a problem elsewhere in the file does not hide a distribution problem', () => {
    const file = { ...withOrders({ kind: 'uniform', median: 0 }), horizon: 'soon' };
    expect(issuesOf(() => parseScenario(file)).map((i) => i.path)).toEqual(['horizon', 'orders[0].mobilization.median']);
  });

  test('fields that are themselves invalid are left to the schema', () => {
    expect(mobilizationIssues(withOrders({ kind: 'gamma', median: 0 }, { kind: 'weibull', median: '-1h', max: '1m' }))).toEqual([]);
    expect(mobilizationIssues({ orders: 'all' })).toEqual([]);
    expect(mobilizationIssues(null)).toEqual([]);
  });

  test('evacsim validate prints both problems of two bad distributions, exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evacsim-mobilization-'));
    try {
      const file = join(dir, 'two-bad.json');
      writeFileSync(file, JSON.stringify(withOrders({ kind: 'lognormal', median: '1h', max: '30m' }, { kind: 'weibull', median: '-1h' })));
      const r = await cli('validate', file);
      expect(r.code).toBe(2);
      const lines = r.err.trim().split('\n');
      expect(lines).toHaveLength(2);
      expect(lines).toContainEqual(expect.stringContaining('orders[0].mobilization.max: must be at least the median'));
      expect(lines).toContainEqual(expect.stringContaining('orders[1].mobilization.median: invalid duration "-1h"'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

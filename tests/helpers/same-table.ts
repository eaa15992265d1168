// Two route searches give the same table: each node's cost, next link and destination.
import { expect } from 'vitest';
import type { RouteSearch } from '../../src/network/routing.js';

export function expectSameTable(search: RouteSearch, fresh: RouteSearch): void {
  expect(Array.from(search.next)).toEqual(Array.from(fresh.next));
  expect(Array.from(search.dist)).toEqual(Array.from(fresh.dist));
  expect(Array.from(search.root as Int32Array)).toEqual(Array.from(fresh.root as Int32Array));
}

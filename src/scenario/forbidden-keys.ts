// Rejects keys that could reach an object's prototype (`__proto__`,
// `constructor`, `prototype`) anywhere in a scenario, before any other code
// copies or merges the input.

import type { Issue } from './issues.js';
import { formatPath, type PathKey } from './path.js';

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

interface Visit {
  value: unknown;
  key: PathKey | null;
  parent: Visit | null;
}

function pathOf(visit: Visit): PathKey[] {
  const path: PathKey[] = [];
  for (let at: Visit | null = visit; at !== null && at.key !== null; at = at.parent) path.push(at.key);
  return path.reverse();
}

/**
 * One issue per forbidden key, in document order. The walk is iterative and
 * visits each object once, so deep or cyclic input cannot overflow the stack.
 */
export function forbiddenKeys(input: unknown): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<object>();
  const stack: Visit[] = [{ value: input, key: null, parent: null }];
  while (stack.length > 0) {
    const visit = stack.pop()!;
    if (typeof visit.key === 'string' && FORBIDDEN.has(visit.key)) {
      issues.push({ path: formatPath(pathOf(visit)), message: `forbidden field name ${JSON.stringify(visit.key)}` });
      continue;
    }
    const { value } = visit;
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const keys: PathKey[] = Array.isArray(value) ? Array.from(value.keys()) : Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      stack.push({ value: (value as Record<PathKey, unknown>)[keys[i]], key: keys[i], parent: visit });
    }
  }
  return issues;
}

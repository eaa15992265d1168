// A coordinate of the unit cube mapped onto a parameter's values, for the
// sampled designs (Latin hypercube, Saltelli, Morris): continuous over an
// unstepped range, one of the levels of a stepped range or a list, each level
// taking an equal share of [0, 1] so the end levels are drawn as often as the rest.

import { gridLevels, rangeValue, type Value, type ValueSpec } from './values.js';

/** The value of `spec` at `u` ∈ [0, 1]: levels by equal strata (u = 1 is the last level). */
export function unitValue(spec: ValueSpec, u: number): Value {
  if (spec.kind === 'range' && spec.step === null) {
    const x = spec.from + u * (spec.to - spec.from);
    return spec.unit === null ? x : `${x}${spec.unit}`;
  }
  const levels = spec.kind === 'list' ? spec.values : gridLevels(spec, '');
  const k = Math.min(levels.length - 1, Math.max(0, Math.floor(u * levels.length)));
  return spec.kind === 'list' ? levels[k] : rangeValue(spec, spec.from + k * (spec.step as number));
}

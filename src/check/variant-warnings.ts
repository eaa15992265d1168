// The warnings of several variants of one scenario, each printed once. One the
// scenario as written has too reads as it does for `run`; one that only other
// variants have (a variant that makes a settlement a facility no fleet serves)
// names them, or a reader would look for it in the scenario as written.
import { BASE_VARIANT } from '../scenario/variants.js';
import type { Scenario } from '../scenario/types.js';
import type { Warning } from './warning.js';
import { beforeRunWarnings } from './warnings.js';

/** Each distinct warning of `variants` once, in order of first appearance, naming the variants it holds for unless `base` is one. */
export function variantWarnings(variants: readonly { name: string; warnings: readonly Warning[] }[]): Warning[] {
  const holders = new Map<string, { warning: Warning; names: string[] }>();
  for (const { name, warnings } of variants) {
    for (const warning of warnings) {
      const key = `${warning.path}\u0000${warning.message}`;
      const entry = holders.get(key) ?? { warning, names: [] };
      if (!entry.names.includes(name)) entry.names.push(name);
      holders.set(key, entry);
    }
  }
  return [...holders.values()].map(({ warning, names }) =>
    names.includes(BASE_VARIANT) ? warning : { ...warning, message: `${warning.message} (${inVariants(names)})` });
}

/** The warnings each of `variants` gives before its run (beforeRunWarnings), as `evacsim ete` prints them: variantWarnings of each variant's. */
export function quickVariantWarnings(variants: readonly { name: string; scenario: Scenario }[]): Warning[] {
  return variantWarnings(variants.map((v) => ({ name: v.name, warnings: beforeRunWarnings(v.scenario) })));
}

function inVariants(names: readonly string[]): string {
  const quoted = names.map((n) => `"${n}"`).join(', ');
  return names.length === 1 ? `in variant ${quoted}` : `in variants ${quoted}`;
}

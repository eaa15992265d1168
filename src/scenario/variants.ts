// Variants of a scenario: `variants: [{ name, set: { PATH: value } }]`, each a
// named copy of the file with values set at paths written as `sweep --set`
// writes them (`orders[*].compliance`, `settlements[district=Lgovsky].population`).
// Every variant is checked as a scenario of its own when the file is.

import { ScenarioError, InputError } from '../errors.js';
import { parsePath, setAt } from '../sweep/path.js';
import type { Issue } from './issues.js';
import { formatPath } from './path.js';
import { unshared } from './unshare.js';

/** A variant as written in the file. */
export interface VariantSpec {
  name: string;
  description: string;
  /** Path (sweep `--set` syntax) → value. */
  set: Record<string, unknown>;
}

/** The name that denotes the scenario as written; no variant may take it. */
export const BASE_VARIANT = 'base';

/** The variants of a raw scenario value that parseScenario accepted (none when absent). */
export function variantsOf(raw: unknown): VariantSpec[] {
  const list = (raw as { variants?: unknown })?.variants;
  if (!Array.isArray(list)) return [];
  return list.map((v: { name: string; description?: string; set: Record<string, unknown> }) => ({
    name: v.name,
    description: v.description ?? '',
    set: v.set,
  }));
}

/**
 * The raw scenario value of `variant`: a copy of `raw` without its variants,
 * with each of the variant's values set at its path. Throws ScenarioError at
 * `variants[index].set["PATH"]` when a path cannot be read or selects nothing.
 */
export function applyVariant(raw: unknown, variant: VariantSpec, index: number): unknown {
  // Unshared, so a value two places share is set only where the path names it.
  const copy = unshared(raw) as Record<string, unknown>;
  delete copy.variants;
  for (const [path, value] of Object.entries(variant.set)) {
    try {
      setAt(copy, parsePath(path), value, path);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const prefix = `--set ${path}: `;
      const message = error.message.startsWith(prefix) ? error.message.slice(prefix.length) : error.message.replace(/^--set:? ?/, '');
      throw new ScenarioError([{ path: formatPath(['variants', index, 'set', path]), message }]);
    }
  }
  return copy;
}

/**
 * Problems of the variants of `raw` (already shape-checked): names used twice,
 * named "base", or that `ete --variants a,b` could not select (a comma, a space
 * at either end), paths that select nothing, and every problem of the
 * scenario a variant makes, reported at `variants[i].set` with its own path.
 * `parse` is the scenario parser (passed in, as it calls this function).
 */
export function variantIssues(raw: unknown, parse: (value: unknown) => unknown): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  variantsOf(raw).forEach((variant, i) => {
    const at = (...keys: (string | number)[]) => formatPath(['variants', i, ...keys]);
    if (variant.name === BASE_VARIANT) issues.push({ path: at('name'), message: `"${BASE_VARIANT}" names the scenario as written; choose another name` });
    else if (variant.name.includes(',')) issues.push({ path: at('name'), message: `"${variant.name}" holds a comma, which separates the names of \`ete --variants a,b\`; choose a name without one` });
    else if (variant.name.trim() !== variant.name) issues.push({ path: at('name'), message: `"${variant.name}" begins or ends with a space, which \`ete --variants\` leaves out; choose a name without one` });
    else if (seen.has(variant.name)) issues.push({ path: at('name'), message: `the variant name "${variant.name}" is used twice` });
    seen.add(variant.name);
    try {
      parse(applyVariant(raw, variant, i));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      for (const issue of error.issues) {
        if (issue.path.startsWith('variants[')) issues.push(issue);
        else issues.push({ path: at('set'), message: `${issue.path ? `${issue.path}: ` : ''}${issue.message} (in variant "${variant.name}")` });
      }
    }
  });
  return issues;
}

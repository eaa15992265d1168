// Which settlements a scope covers: a region, a district, a settlement id, or
// several of these at once (a settlement must match all). No scope, or an empty
// one, covers every settlement.

import { InputError } from '../errors.js';
import type { SimulationResult } from '../result.js';
import type { TargetScope } from '../scenario/types.js';

/** True when `scope` puts no condition on settlements. */
export function isWholeScope(scope: TargetScope | null | undefined): boolean {
  const { region, district, settlement } = scope ?? {};
  return region == null && district == null && settlement == null;
}

/**
 * One flag per settlement of `result` (1 = in scope), or null when the scope
 * covers everything, so callers can count rows without a settlement index too.
 */
export function scopeMask(
  result: SimulationResult,
  scope: TargetScope | null | undefined,
): Uint8Array | null {
  if (isWholeScope(scope)) return null;
  const { region, district, settlement } = scope ?? {};
  const mask = new Uint8Array(result.settlements.length);
  result.settlements.forEach((s, i) => {
    const match =
      (region == null || s.region === region) &&
      (district == null || s.district === district) &&
      (settlement == null || s.id === settlement);
    mask[i] = match ? 1 : 0;
  });
  return mask;
}

/**
 * Throws InputError when `scope` names a region, district or settlement that
 * no settlement of `result` has (it would silently select nobody), naming the known ones.
 */
export function checkScope(result: SimulationResult, scope: TargetScope | null | undefined): void {
  const fields = [
    ['region', (s: SimulationResult['settlements'][number]) => s.region],
    ['district', (s: SimulationResult['settlements'][number]) => s.district],
    ['settlement', (s: SimulationResult['settlements'][number]) => s.id],
  ] as const;
  for (const [field, of] of fields) {
    const wanted = scope?.[field];
    if (wanted == null) continue;
    const known = [...new Set(result.settlements.map(of).filter((v): v is string => v != null))].sort();
    if (!known.includes(wanted)) {
      const shown = known.slice(0, 20).map((k) => JSON.stringify(k)).join(', ');
      throw new InputError(`unknown ${field} ${JSON.stringify(wanted)}; known: ${shown || 'none'}${known.length > 20 ? `, … (${known.length} in all)` : ''}`);
    }
  }
}

/** "all", or the scope's conditions in words: "region Kursk, district Sudzhansky". */
export function describeScope(scope: TargetScope | null | undefined): string {
  const { region, district, settlement } = scope ?? {};
  const parts: string[] = [];
  if (region != null) parts.push(`region ${region}`);
  if (district != null) parts.push(`district ${district}`);
  if (settlement != null) parts.push(`settlement ${settlement}`);
  return parts.length === 0 ? 'all' : parts.join(', ');
}

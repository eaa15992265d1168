// Ids that differ only in letter case (`Sudzha` and `sudzha`): legal, since ids
// are case-sensitive and existing scenarios rely on that, but two places that
// print almost alike are more often a typo than two different things.
import { caseless } from '../scenario/suggest.js';
import type { Scenario } from '../scenario/types.js';
import type { Warning } from './warning.js';

/** A value and where it is written, as `settlements[4].id`. */
interface Place {
  path: string;
  value: string;
}

/** Places of one kind of id or name; each kind is compared within itself. */
function kinds(scenario: Scenario): Place[][] {
  const ids = (list: readonly { id: string }[], at: string) => list.map((x, i) => ({ path: `${at}[${i}].id`, value: x.id }));
  const named = (key: 'district' | 'region') =>
    scenario.settlements.flatMap((s, i) => {
      const value = s[key];
      return value === null ? [] : [{ path: `settlements[${i}].${key}`, value }];
    });
  return [
    ids(scenario.network.nodes, 'network.nodes'),
    ids(scenario.network.roads, 'network.roads'),
    ids(scenario.settlements, 'settlements'),
    ids(scenario.shelters, 'shelters'),
    ids(scenario.fleets, 'fleets'),
    named('district'),
    named('region'),
  ];
}

/**
 * One warning per id, district or region spelt in another letter case than one
 * written before it, naming both places; a spelling repeated (a district of many
 * settlements) is named once, at its first place.
 */
export function caseOnlyIds(scenario: Scenario): Warning[] {
  const warnings: Warning[] = [];
  for (const places of kinds(scenario)) {
    const first = new Map<string, Place>();
    const seen = new Set<string>();
    for (const place of places) {
      if (seen.has(place.value)) continue;
      seen.add(place.value);
      const folded = caseless(place.value);
      const other = first.get(folded);
      if (other === undefined) first.set(folded, place);
      else warnings.push({ path: place.path, message: `${JSON.stringify(place.value)} differs only in case from ${other.path} ${JSON.stringify(other.value)}` });
    }
  }
  return warnings;
}

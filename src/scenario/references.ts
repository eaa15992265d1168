// Cross-references inside a scenario: ids unique per kind, and every road end,
// settlement and shelter node, depot, order, fleet, hazard and target naming
// something that exists. Reads the raw input loosely (skipping whatever has the
// wrong shape), so these problems are reported together with the schema's.

import { IssueList, type Issue } from './issues.js';
import { formatPath, type PathKey } from './path.js';
import { didYouMean, howAlike, printed } from './suggest.js';

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The elements of a list that are objects, with their index. */
function entries(value: unknown): [number, Fields][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): [number, Fields][] => (isFields(item) ? [[index, item]] : []));
}

/** The non-empty strings of a list, with their index. */
function names(value: unknown): [number, string][] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item, index): [number, string][] => (typeof item === 'string' && item !== '' ? [[index, item]] : []));
}

/** Whether a list field was left out or given empty (not merely malformed). */
function absent(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0);
}

/**
 * Names no id, district or region may take: `__proto__` and the properties every plain
 * object has (`constructor`, `toString`, …). The road graph (graphology) keys each node's
 * neighbours in a plain object, so a node `__proto__` reached every object's prototype
 * (each later object read as having a field `previous`) and a node `constructor` ended
 * the network analysis in an internal error.
 */
const RESERVED = new Set(['__proto__', ...Object.getOwnPropertyNames(Object.prototype)]);

/** The problem with `value` as a name of its own, or null. */
function reservedName(value: string): string | null {
  return RESERVED.has(value) ? `${JSON.stringify(value)} is a name JavaScript objects have already; choose another` : null;
}

function name(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

class References extends IssueList {
  /** The ids of a list, reporting each repeat with the index of its first use. */
  ids(list: unknown, at: PathKey[], kind: string): Set<string> {
    const first = new Map<string, number>();
    // Ids that print alike (the same text in another Unicode form, or with spaces at its ends) are duplicates too.
    const alike = new Map<string, number>();
    for (const [index, item] of entries(list)) {
      const id = name(item.id);
      if (id === undefined) continue;
      if (id.trim() === '') {
        this.add([...at, index, 'id'], `must not be blank, got ${JSON.stringify(id)}`);
        continue;
      }
      // Still known, so references to it are not reported as unknown too.
      const reserved = reservedName(id);
      if (reserved !== null) this.add([...at, index, 'id'], reserved);
      const earlier = first.get(id);
      const similar = alike.get(printed(id));
      if (earlier !== undefined) this.add([...at, index, 'id'], `duplicate ${kind} id ${JSON.stringify(id)}, also used by ${formatPath([...at, earlier])}`);
      else if (similar !== undefined) {
        const other = formatPath([...at, similar]);
        this.add([...at, index, 'id'], `duplicate ${kind} id ${JSON.stringify(id)}, also used by ${other}: ${howAlike(id, String((list as Fields[])[similar].id))}`);
      }
      if (earlier === undefined) first.set(id, index);
      if (similar === undefined) alike.set(printed(id), index);
    }
    return new Set(first.keys());
  }

  /** Reports a district or region name at `path` that prints like another one of `seen` but is written differently; records it. */
  distinctName(value: string, path: PathKey[], seen: Map<string, { value: string; path: PathKey[] }>, what: string): void {
    const reserved = reservedName(value);
    if (reserved !== null) {
      this.add(path, reserved);
      return;
    }
    const key = printed(value);
    const other = seen.get(key);
    if (other === undefined) seen.set(key, { value, path });
    else if (other.value !== value) this.add(path, `${what} ${JSON.stringify(value)} is not ${JSON.stringify(other.value)} of ${formatPath(other.path)}: ${howAlike(value, other.value)}`);
  }

  /** Reports `value` at `path` when it is a name missing from `known`. */
  expect(value: unknown, path: PathKey[], known: ReadonlySet<string>, what: string): void {
    const id = name(value);
    if (id !== undefined && !known.has(id)) this.add(path, `unknown ${what} ${JSON.stringify(id)}${didYouMean(id, known)}`);
  }

  expectAll(list: unknown, path: PathKey[], known: ReadonlySet<string>, what: string): void {
    for (const [index, id] of names(list)) this.expect(id, [...path, index], known, what);
  }
}

/** Every broken cross-reference in a raw scenario; an empty list when there is none. */
export function checkReferences(input: unknown): Issue[] {
  if (!isFields(input)) return [];
  const refs = new References();
  const network = isFields(input.network) ? input.network : {};
  const nodes = refs.ids(network.nodes, ['network', 'nodes'], 'node');
  const roads = refs.ids(network.roads, ['network', 'roads'], 'road');
  const settlements = refs.ids(input.settlements, ['settlements'], 'settlement');
  refs.ids(input.shelters, ['shelters'], 'shelter');
  refs.ids(input.fleets, ['fleets'], 'fleet');

  const districts = new Set<string>();
  const regions = new Set<string>();
  const districtForms = new Map<string, { value: string; path: PathKey[] }>();
  const regionForms = new Map<string, { value: string; path: PathKey[] }>();
  for (const [index, settlement] of entries(input.settlements)) {
    refs.expect(settlement.node, ['settlements', index, 'node'], nodes, 'node');
    const district = name(settlement.district);
    const region = name(settlement.region);
    if (district !== undefined) {
      districts.add(district);
      refs.distinctName(district, ['settlements', index, 'district'], districtForms, 'district');
    }
    if (region !== undefined) {
      regions.add(region);
      refs.distinctName(region, ['settlements', index, 'region'], regionForms, 'region');
    }
  }

  for (const [index, road] of entries(network.roads)) {
    refs.expect(road.from, ['network', 'roads', index, 'from'], nodes, 'node');
    refs.expect(road.to, ['network', 'roads', index, 'to'], nodes, 'node');
    if (name(road.from) !== undefined && road.from === road.to) {
      refs.add(['network', 'roads', index, 'to'], `a road cannot start and end at the same node ${JSON.stringify(road.to)}`);
    }
  }

  if (Array.isArray(input.shelters) && input.shelters.length === 0) {
    refs.add(['shelters'], 'needs at least one shelter or exit (a shelter without a capacity is an exit)');
  }
  for (const [index, shelter] of entries(input.shelters)) refs.expect(shelter.node, ['shelters', index, 'node'], nodes, 'node');

  for (const [index, order] of entries(input.orders)) {
    refs.expectAll(order.districts, ['orders', index, 'districts'], districts, 'district');
    refs.expectAll(order.settlements, ['orders', index, 'settlements'], settlements, 'settlement');
    if (absent(order.districts) && absent(order.settlements) && order.withinKmOf == null) {
      refs.add(['orders', index], 'tells no one to leave: give districts, settlements or withinKmOf');
    }
  }

  const served = new Set([...settlements, ...districts]);
  for (const [index, fleet] of entries(input.fleets)) {
    refs.expect(fleet.depot, ['fleets', index, 'depot'], nodes, 'node');
    refs.expectAll(fleet.serves, ['fleets', index, 'serves'], served, 'settlement or district');
  }

  for (const [index, hazard] of entries(input.hazards)) {
    if (hazard.kind === 'closure' || hazard.kind === 'slowdown' || hazard.kind === 'weather' || hazard.kind === 'control') {
      refs.expectAll(hazard.roads, ['hazards', index, 'roads'], roads, 'road');
    } else if (hazard.kind === 'contraflow') {
      refs.expect(hazard.road, ['hazards', index, 'road'], roads, 'road');
      const road = [...entries(network.roads)].find(([, r]) => r.id === hazard.road)?.[1];
      if (road !== undefined && (road.oneway === true || road.mode === 'rail')) {
        refs.add(['hazards', index, 'road'], `contraflow needs a two-way road; ${JSON.stringify(hazard.road)} is ${road.mode === 'rail' ? 'a rail link' : 'one-way'}`);
      }
    } else if (hazard.kind === 'capture') {
      refs.expectAll(hazard.settlements, ['hazards', index, 'settlements'], settlements, 'settlement');
      refs.expectAll(hazard.nodes, ['hazards', index, 'nodes'], nodes, 'node');
      if (absent(hazard.settlements) && absent(hazard.nodes)) {
        refs.add(['hazards', index], 'captures nothing: give settlements or nodes');
      }
    }
  }

  for (const [index, b] of entries(input.background)) refs.expectAll(b.roads, ['background', index, 'roads'], roads, 'road');

  for (const [index, target] of entries(input.targets)) {
    if (!isFields(target.scope)) continue;
    const at: PathKey[] = ['targets', index, 'scope'];
    refs.expect(target.scope.region, [...at, 'region'], regions, 'region');
    refs.expect(target.scope.district, [...at, 'district'], districts, 'district');
    refs.expect(target.scope.settlement, [...at, 'settlement'], settlements, 'settlement');
  }
  return refs.issues;
}

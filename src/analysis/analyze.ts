// Network analysis for planners, before any simulation: for each settlement the
// shelters and exits it reaches and the free-flow time; the critical roads (the
// links every route out of a settlement uses, ranked by the people behind them);
// the roads that carry the most people when everyone takes the fastest routes to
// the nearest destination (edge betweenness weighted by people); the roads on most
// fastest routes between any two nodes (edge betweenness); and the minimum
// cut between each settlement (and the whole area) and safety, with the lower
// bound on clearance it implies. Car roads only: rail links are left out.
import { InputError } from '../errors.js';
import { buildGraph, type RoadGraph } from '../network/build-graph.js';
import { compile, MODE_ROAD } from '../network/compile.js';
import { carriedCapacity } from '../network/carried.js';
import { householdsOf } from '../demand/household-params.js';
import type { Scenario, SettlementSpec, ShelterSpec } from '../scenario/types.js';
import { edgeBetweenness } from './betweenness.js';
import { CutScratch, linksOnEveryRoute } from './cut-links.js';
import { minCut } from './max-flow.js';
import { roadView } from './road-view.js';
import { BrandesSearch, sameTime, spreadPeople } from './routes.js';
import { searchGraph, type SearchGraph } from './search-graph.js';

export interface Reach {
  /** Shelter or exit id. */
  id: string;
  kind: 'shelter' | 'exit';
  /** Free-flow driving time, seconds. */
  seconds: number;
}

export interface SettlementReach {
  id: string;
  population: number;
  /** Every destination it reaches by road, nearest first (on one node, in order of ids). */
  reaches: Reach[];
  /** Links that every route from it to any destination uses, from the settlement outwards. */
  criticalLinks: string[];
}

export interface RoadLoad {
  /** Directed link: the road id, or `<id>:back` for a two-way road's way back. */
  link: string;
  road: string;
  /** People whose every route uses the link (critical roads), or who take it on a fastest route (load). */
  people: number;
  /** Settlements behind the figure, most people first. */
  settlements: string[];
}

export interface CentralRoad {
  /** Directed link, as in RoadLoad. */
  link: string;
  road: string;
  /** Share of ordered node pairs whose fastest free-flow routes use the link (0–1). */
  betweenness: number;
}

export interface ZoneCut {
  /** `all` (every settlement not already at a destination), a district, or a settlement. */
  kind: 'all' | 'district' | 'settlement';
  /** `all`, the district's name, or the settlement's id. */
  zone: string;
  population: number;
  /** Vehicles per hour across the narrowest cut to safety; null when the zone is at a destination or reaches none. */
  capacityVehPerHour: number | null;
  /** Links of that cut, in order of their ids. */
  cut: string[];
  /**
   * Hours the cut needs to pass one vehicle per household (population ÷
   * household size ÷ capacity, each settlement at its own household size); null
   * with the capacity. No plan that sends every household out in its own vehicle
   * clears the zone faster.
   */
  lowerBoundHours: number | null;
}

export interface NetworkAnalysis {
  scenario: string;
  settlements: SettlementReach[];
  /** Links on every route of at least one settlement, most people first. */
  criticalRoads: RoadLoad[];
  /** Links by people taking them on a fastest route to the nearest destination, most first (links with none left out). */
  busiestRoads: RoadLoad[];
  /**
   * Links by edge betweenness between all pairs of nodes, people not counted,
   * highest first (links on no fastest route left out); null for networks of more
   * than MAX_BETWEENNESS_NODES nodes.
   */
  centralRoads: CentralRoad[] | null;
  /** The whole area first, then each district (in order of first settlement), then each settlement. */
  cuts: ZoneCut[];
}

/** Largest nodes × settlements for which a report includes the network analysis (3,025 × 3,025 takes about 3 s; it grows as settlements × links). */
export const MAX_REPORT_ANALYSIS = 10_000_000;

/** The analysis a report of `scenario` holds: null for networks too large to search once per settlement in passing. */
export function reportAnalysis(scenario: Scenario, graph?: RoadGraph): NetworkAnalysis | null {
  return scenario.network.nodes.length * scenario.settlements.length <= MAX_REPORT_ANALYSIS ? analyzeNetwork(scenario, graph) : null;
}

/**
 * Analyses the road network of `scenario` (its graph may be passed when already
 * built). `searched` is told how many settlements have been searched so far.
 */
export function analyzeNetwork(scenario: Scenario, graph: RoadGraph = buildGraph(scenario), searched?: (done: number) => void): NetworkAnalysis {
  checkLinks(graph);
  const roads = roadView(graph);
  const g = searchGraph(roads);
  const search = new BrandesSearch(g);
  // Destinations on one node in order of their ids, as a run fills them: the first is the nearest named.
  const atNode = new Map<number, ShelterSpec[]>();
  for (const s of [...scenario.shelters].sort((a, b) => compare(a.id, b.id))) {
    const node = g.nodeIndex.get(s.node) as number;
    atNode.set(node, [...(atNode.get(node) ?? []), s]);
  }
  const safe = new Set([...atNode.keys()].map((n) => g.nodeIds[n]));
  const isSafe = new Uint8Array(g.nodeIds.length);
  for (const n of atNode.keys()) isSafe[n] = 1;
  const critical = new Map<string, Contribution[]>();
  const load = new Map<string, Map<string, number>>();
  // Scratch for the searches, one entry per node.
  const delta = new Float64Array(g.nodeIds.length);
  const cutScratch = new CutScratch(g.nodeIds.length);

  const settlements = scenario.settlements.map((s, i): SettlementReach => {
    const r = search.from(g.nodeIndex.get(s.node) as number);
    const reaches: Reach[] = [];
    // Safe nodes in the order they were settled (nearest first).
    const reachedSafe = r.order.filter((n) => isSafe[n] === 1);
    for (const node of reachedSafe) {
      for (const d of atNode.get(node) ?? []) {
        reaches.push({ id: d.id, kind: d.capacity === null ? 'exit' : 'shelter', seconds: r.seconds[node] });
      }
    }
    // Equally near destinations in order of their ids, as on one node: not in the order the search settled them.
    reaches.sort((a, b) => (sameTime(a.seconds, b.seconds) ? compare(a.id, b.id) : a.seconds - b.seconds));
    const criticalLinks = linksOnEveryRoute(g, r, isSafe, cutScratch).map((l) => g.linkIds[l]);
    for (const link of criticalLinks) critical.set(link, [...(critical.get(link) ?? []), { settlement: s.id, people: s.population }]);
    if (reaches.length > 0 && s.population > 0) {
      const nearest = reaches[0].seconds;
      const bound = [...reachedSafe].filter((n) => sameTime(r.seconds[n], nearest));
      const routes = bound.reduce((t, n) => t + r.routes[n], 0);
      const targets = new Map(bound.map((n) => [n, (s.population * r.routes[n]) / routes]));
      const mine = new Map<number, number>();
      spreadPeople(r, targets, mine, delta);
      for (const [link, people] of mine) {
        const id = g.linkIds[link];
        const bySettlement = load.get(id) ?? new Map<string, number>();
        bySettlement.set(s.id, people);
        load.set(id, bySettlement);
      }
    }
    searched?.(i + 1);
    return { id: s.id, population: s.population, reaches, criticalLinks };
  });

  return {
    scenario: scenario.name,
    settlements,
    criticalRoads: ranked(graph, [...critical].map(([link, c]) => [link, c])),
    busiestRoads: ranked(graph, [...load].map(([link, by]) => [link, [...by].map(([settlement, people]) => ({ settlement, people }))])),
    centralRoads: central(roads, g),
    cuts: zoneCuts(scenario, graph, safe),
  };
}

interface Contribution {
  settlement: string;
  people: number;
}

/** Links by people, most first; each link's people added up in order of settlement ids, as however the file lists them. */
function ranked(graph: RoadGraph, entries: [string, Contribution[]][]): RoadLoad[] {
  return entries
    .map(([link, contributions]): RoadLoad => ({
      link,
      road: graph.getEdgeAttribute(link, 'roadId'),
      people: [...contributions].sort((a, b) => compare(a.settlement, b.settlement)).reduce((t, c) => t + c.people, 0),
      settlements: [...contributions].sort((a, b) => b.people - a.people || compare(a.settlement, b.settlement)).map((c) => c.settlement),
    }))
    .filter((r) => r.people > 0)
    .sort((a, b) => b.people - a.people || compare(a.link, b.link));
}

function central(roads: RoadGraph, g: SearchGraph): CentralRoad[] | null {
  const shares = edgeBetweenness(roads, g);
  if (shares === null) return null;
  return [...shares]
    .filter(([, share]) => share > 0)
    .map(([link, betweenness]) => ({ link, road: roads.getEdgeAttribute(link, 'roadId'), betweenness }))
    .sort((a, b) => b.betweenness - a.betweenness || compare(a.link, b.link));
}

function zoneCuts(scenario: Scenario, graph: RoadGraph, safe: ReadonlySet<string>): ZoneCut[] {
  const net = compile(graph);
  const capacity = new Float64Array(net.linkCount);
  // What each road carries, not its stated capacity where its triangle's top is lower.
  for (let l = 0; l < net.linkCount; l++) capacity[l] = net.linkMode[l] === MODE_ROAD ? carriedCapacity(net, l) : 0;
  const sinks = [...safe].map((n) => net.nodeIndex.get(n) as number);
  // Each settlement's households at its own size (its own, its district's or the scenario's):
  // people are added up per size first, so a zone of one size counts people ÷ size exactly.
  const sizeOf = new Map(scenario.settlements.map((s, i) => [s, householdsOf(scenario, i).size]));
  const householdsIn = (members: readonly SettlementSpec[]) => {
    const people = new Map<number, number>();
    for (const s of members) people.set(sizeOf.get(s) as number, (people.get(sizeOf.get(s) as number) ?? 0) + s.population);
    return [...people].reduce((t, [size, n]) => t + n / size, 0);
  };
  const cutOf = (kind: ZoneCut['kind'], zone: string, nodes: string[], members: readonly SettlementSpec[]): ZoneCut => {
    const cut = minCut(net, capacity, nodes.map((n) => net.nodeIndex.get(n) as number), sinks);
    const usable = Number.isFinite(cut.capacity) && cut.capacity > 0;
    return {
      kind,
      zone,
      population: members.reduce((t, s) => t + s.population, 0),
      capacityVehPerHour: usable ? cut.capacity : null,
      cut: cut.links.map((l) => net.linkIds[l]).sort(compare),
      lowerBoundHours: usable ? householdsIn(members) / cut.capacity : null,
    };
  };
  const group = (kind: 'all' | 'district', zone: string, members: readonly SettlementSpec[]): ZoneCut => {
    const away = members.filter((s) => !safe.has(s.node));
    return cutOf(kind, zone, [...new Set(away.map((s) => s.node))], away);
  };
  const all = scenario.settlements;
  const districts = [...new Set(all.flatMap((s) => (s.district === null ? [] : [s.district])))];
  return [
    group('all', 'all', all),
    ...districts.map((d) => group('district', d, all.filter((s) => s.district === d))),
    ...all.map((s) => cutOf('settlement', s.id, [s.node], [s])),
  ];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}


/**
 * Throws InputError unless every link of `graph` has a length, speed and capacity above 0:
 * a graph built from the raw JSON of a scenario file has none, and its searches and cuts
 * would run on null and NaN (the maximum flow for ever).
 */
function checkLinks(graph: RoadGraph): void {
  graph.forEachEdge((key, a) => {
    for (const [name, value] of [['lengthM', a.lengthM], ['speedMs', a.speedMs], ['capacityVehPerHour', a.capacityVehPerHour]] as const) {
      if (!(typeof value === 'number' && value > 0)) throw new InputError(`link ${key}: ${name} must be a number above 0, got ${value}; build the graph from a parsed scenario`);
    }
  });
}

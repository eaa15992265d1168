// Invariants of the link model while capacity measures start and end mid-run (a
// traffic control point, a contraflow that adds the other direction's lanes and
// then gives them back), on random small networks under every routing mode, read
// from the link trace: each entry keeps the headway in force at its instant, each
// exit its link's exit slot (one headway in force after the slot of the exit before,
// and not before that exit: a car held at the stop line lets the one behind it make
// up the slot it lost, one at most), no vehicle enters a closed link or one that holds its storage in force,
// and every entry waits for the space it needs to travel back (Newell's condition
// with the jam storage in force, and the wave of the triangle through the capacity in
// force where that is above the top of the road's own); and the same seed gives the
// same bytes.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import type { RoutingMode, Scenario } from '../../src/scenario/types.js';
import { compileScenario, type CompiledNetwork } from '../../src/network/compile.js';
import { summarize } from '../../src/report/summary.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { withMeasures } from '../helpers/arbitrary-measures.js';

/** What the hazards of `s` do to each link over time: capacity and storage factors, closures. */
class LinkFactors {
  private readonly capacity: { links: number[]; from: number; until: number; factor: number }[] = [];
  private readonly storage: { links: number[]; from: number; until: number; factor: number }[] = [];
  private readonly speed: { links: number[]; from: number; until: number; factor: number }[] = [];
  private readonly closed: { links: number[]; from: number; until: number }[] = [];
  /** Instants at which something changes: no check is made exactly there. */
  readonly changes: number[] = [];

  constructor(s: Scenario, net: CompiledNetwork) {
    const both = (road: string) => [road, `${road}:back`].map((id) => net.linkIndex.get(id)).filter((l) => l !== undefined);
    const one = (road: string, backward: boolean) => both(road).filter((l) => (net.linkIds[l].endsWith(':back') ? backward : !backward));
    for (const h of s.hazards) {
      if (h.kind === 'closure') {
        this.closed.push({ links: h.roads.flatMap(both), from: h.from, until: h.until ?? Infinity });
        this.changes.push(h.from, h.until ?? Infinity);
      } else if (h.kind === 'slowdown') {
        this.capacity.push({ links: h.roads.flatMap(both), from: h.from, until: h.until ?? Infinity, factor: h.factor });
        this.speed.push({ links: h.roads.flatMap(both), from: h.from, until: h.until ?? Infinity, factor: h.factor });
        this.changes.push(h.from, h.until ?? Infinity);
      } else if (h.kind === 'control') {
        const links = h.roads.flatMap((r) => (h.direction === 'both' ? both(r) : one(r, h.direction === 'backward')));
        this.capacity.push({ links, from: h.from, until: h.until ?? Infinity, factor: h.capacityFactor });
        this.changes.push(h.from, h.until ?? Infinity);
      } else if (h.kind === 'contraflow') {
        const [gain] = one(h.road, h.direction === 'backward');
        const [lose] = one(h.road, h.direction !== 'backward');
        const until = h.until ?? Infinity;
        const capacity = (net.linkCapacity[gain] + net.linkCapacity[lose]) / net.linkCapacity[gain];
        const storage = (net.linkStorage[gain] + net.linkStorage[lose]) / net.linkStorage[gain];
        this.capacity.push({ links: [gain], from: h.from, until, factor: capacity });
        this.storage.push({ links: [gain], from: h.from, until, factor: storage });
        this.closed.push({ links: [lose], from: h.from, until });
        this.changes.push(h.from, until);
      }
    }
  }

  private factor(list: readonly { links: number[]; from: number; until: number; factor: number }[], l: number, t: number): number {
    let f = 1;
    for (const c of list) if (c.from <= t && t < c.until && c.links.includes(l)) f *= c.factor;
    return f;
  }

  /** Whether `t` is (within rounding) an instant at which something changes. */
  atChange(t: number): boolean {
    return this.changes.some((c) => Math.abs(c - t) < 1e-6);
  }

  /**
   * The headway and the wave time in force: the capacity times its factors, and the wave
   * speed as compiled, unless that capacity is above the top of the triangle at the speed
   * and storage in force, J / (L/v + L/w): then L/w = J/C − L/v, or, where that is not
   * positive (no congested branch), w = v and the capacity is the top, J / (2 L/v).
   */
  triangle(net: CompiledNetwork, l: number, t: number): { headway: number; waveTime: number } {
    const capacity = net.linkCapacity[l] * this.factor(this.capacity, l, t);
    const free = net.linkLength[l] / (net.linkSpeed[l] * this.factor(this.speed, l, t));
    const jam = this.jam(net, l, t);
    const waveTime = net.linkLength[l] / net.linkWaveSpeed[l];
    if ((3600 * jam) / (free + waveTime) >= capacity * (1 - 1e-9)) return { headway: 3600 / capacity, waveTime };
    const needed = (3600 * jam) / capacity - free;
    return needed > 0 ? { headway: 3600 / capacity, waveTime: needed } : { headway: (2 * free) / jam, waveTime: free };
  }

  /** Vehicles link `l` holds at jam density at `t`, unrounded. */
  jam(net: CompiledNetwork, l: number, t: number): number {
    return net.linkJam[l] * this.factor(this.storage, l, t);
  }

  isClosed(l: number, t: number): boolean {
    return this.closed.some((c) => c.from <= t && t < c.until && c.links.includes(l));
  }
}

const modes: RoutingMode[] = ['free-flow', 'adaptive', 'equilibrium'];

describe('link invariants under capacity measures that start and end mid-run', () => {
  it('entries keep the headway in force, exits their slots; entries only into open links with room, as the backward wave allows', () => {
    fc.assert(
      fc.property(withMeasures(arbitraryScenario({ hazards: true })), fc.constantFrom(...modes), (generated, mode) => {
        const s: Scenario = { ...generated, routing: { ...generated.routing, mode, iterations: 2 } };
        const net = compileScenario(s);
        const factors = new LinkFactors(s, net);
        const L = net.linkCount;
        const exits: number[][] = Array.from({ length: L }, () => []);
        const entered = new Int32Array(L);
        const lastEntry = new Float64Array(L).fill(-Infinity);
        const lastExit = new Float64Array(L).fill(-Infinity);
        // The earliest each link's last exit could have been allowed: its slot, a lower bound of the model's.
        const slot = new Float64Array(L).fill(-Infinity);
        let worst = -Infinity;
        const problems: string[] = [];
        const late = (what: string, earliest: number, t: number) => {
          if (earliest - t > 1e-6) problems.push(`${what} at ${t}, earliest ${earliest}`);
          worst = Math.max(worst, earliest - t);
        };
        simulate(s, {
          trace: (l, _v, t, entering) => {
            if (l >= L || factors.atChange(t)) {
              if (l < L) {
                if (entering) {
                  entered[l]++;
                  lastEntry[l] = t;
                } else {
                  exits[l].push(t);
                  lastExit[l] = t;
                  slot[l] = -Infinity; // a change restarts the slots
                }
              }
              return;
            }
            const { headway, waveTime } = factors.triangle(net, l, t);
            if (!entering) {
              const earliest = Math.max(slot[l] + headway, lastExit[l]);
              late(`exit of ${net.linkIds[l]}`, earliest, t);
              slot[l] = earliest;
              exits[l].push(t);
              lastExit[l] = t;
              return;
            }
            if (factors.isClosed(l, t)) problems.push(`entry into closed ${net.linkIds[l]} at ${t}`);
            const jam = factors.jam(net, l, t);
            const onLink = entered[l] - exits[l].length;
            if (onLink >= Math.floor(jam)) problems.push(`entry into full ${net.linkIds[l]} at ${t}: ${onLink} on it, storage ${Math.floor(jam)}`);
            late(`entry into ${net.linkIds[l]}`, lastEntry[l] + headway, t);
            const needed = entered[l] + 1 - jam;
            if (needed > 0) {
              const j = Math.ceil(needed) - 1;
              const out = exits[l];
              const last = out[j];
              const before = j > 0 ? out[j - 1] : last - headway;
              late(`entry into ${net.linkIds[l]} (wave)`, before + (needed - j) * (last - before) + waveTime, t);
            }
            entered[l]++;
            lastEntry[l] = t;
          },
        });
        expect(problems.slice(0, 3)).toEqual([]);
        expect(worst).toBeLessThanOrEqual(1e-6);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same bytes for the same seed, with fleets and random compliance as well', () => {
    const bytes = (s: Scenario) => {
      const trace: string[] = [];
      const r = simulate(s, { trace: (l, v, t, entering) => trace.push(`${l},${v},${t},${entering ? 1 : 0}`) });
      return `${JSON.stringify(summarize(r, s))}\n${trace.join('\n')}`;
    };
    fc.assert(
      fc.property(withMeasures(arbitraryScenario({ hazards: true, fleets: true, stochastic: true })), fc.constantFrom(...modes), (generated, mode) => {
        const s: Scenario = { ...generated, routing: { ...generated.routing, mode, iterations: 2 } };
        expect(bytes(s) === bytes(structuredClone(s))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });
});

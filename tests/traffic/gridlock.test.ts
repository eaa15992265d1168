// Gridlock: a ring of full one-lane links whose heads each wait for the next is
// detected, counted and reported with its links and time, and nothing in it moves
// afterwards: no vehicle is pushed onto a full link to break it.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { summarize } from '../../src/report/summary.js';
import { formatSummary } from '../../src/report/text.js';
import { formatCount, formatDuration } from '../../src/report/format.js';
import type { Scenario } from '../../src/scenario/types.js';
import { road } from '../helpers/build.js';
import { ring } from '../helpers/gridlock-ring.js';

// The same ring with a way out from r2 to X for exit-goers (the heads waiting at r2),
// open only from 9000 s to 9060 s: the gridlock (closed at 1,122.6 s) dissolves
// while it is open, and the ring fills and locks again once it closes.
const ringWithEscape: Scenario = {
  ...ring,
  network: { ...ring.network, roads: [...ring.network.roads, road('esc', 'r2', 'X', { lengthKm: 1 })] },
  hazards: [
    { kind: 'closure', roads: ['esc'], from: 0, until: 9000 },
    { kind: 'closure', roads: ['esc'], from: 9060, until: null },
  ],
};

describe('gridlock', () => {
  it('a ring of full links is detected once, with its links and the time it closed, and then holds still', () => {
    const steps: [number, number, boolean][] = [];
    const r = simulate(ring, { trace: (l, _v, t, entering) => steps.push([l, t, entering]) });
    expect(r.vehicles.gridlocks).toBe(1);
    expect(r.gridlocks).toHaveLength(1);
    const [g] = r.gridlocks;
    expect([...g.links].sort()).toEqual(['ab', 'bc', 'cd', 'da']);
    // It closed at the ring's last change: its last entry or exit, or a head reaching its
    // stop line within a link's free-flow time (30 m at 40 km/h) after it; it is found
    // only when a head has waited `stuckSeconds` (60 s), and reported with that time.
    const lastMove = Math.max(...steps.filter(([l]) => l < 4).map(([, t]) => t));
    expect(g.time).toBeGreaterThanOrEqual(lastMove);
    expect(g.time).toBeLessThanOrEqual(lastMove + (0.03 / 40) * 3600);
    // Link indices follow the roads: the ring is 0–3. When the gridlock closed each ring
    // link held its storage (4 cars, never 5); afterwards none lets a car out.
    const onLink = [0, 0, 0, 0];
    for (const [l, t, entering] of steps) {
      if (l >= 4) continue;
      if (t > g.time) expect(entering).toBe(true);
      if (t <= g.time) onLink[l] += entering ? 1 : -1;
      expect(onLink[l]).toBeLessThanOrEqual(4);
    }
    expect(onLink).toEqual([4, 4, 4, 4]);
    expect(r.vehicles.arrived).toBeLessThan(r.vehicles.cars);
  });

  it('a gridlock that dissolves and forms again on the same links is recorded twice', () => {
    const exits: number[] = [];
    const r = simulate(ringWithEscape, { trace: (l, _v, t, entering) => { if (l < 4 && !entering) exits.push(t); } });
    expect(r.gridlocks).toHaveLength(2);
    const [first, second] = r.gridlocks;
    expect([...first.links].sort()).toEqual(['ab', 'bc', 'cd', 'da']);
    expect([...second.links].sort()).toEqual(['ab', 'bc', 'cd', 'da']);
    expect(first.time).toBeLessThan(9000);
    expect(second.time).toBeGreaterThan(9060);
    // Between the two the ring moved; after the second nothing leaves it.
    expect(exits.some((t) => t > first.time && t < second.time)).toBe(true);
    expect(exits.filter((t) => t > second.time)).toEqual([]);
    expect(r.vehicles.gridlocks).toBe(2);
  });

  it('the summary carries the count and each gridlock, the text report the count and the first', () => {
    // Under seed 6 the ring locks at 1002.5999999999999 in binary floating point.
    const locked = { ...ring, seed: 6 };
    const r = simulate(locked);
    const summary = summarize(r, locked);
    expect(summary.vehicles.gridlocks).toBe(1);
    // The run's instant, written to the millisecond.
    expect(r.gridlocks.map((g) => g.time)).toEqual([1002.5999999999999]);
    expect(summary.gridlocks).toEqual(r.gridlocks.map((g) => ({ time: 1002.6, links: g.links })));
    expect(JSON.parse(JSON.stringify(summary)).gridlocks[0].links).toHaveLength(4);
    const text = formatSummary(summary, locked);
    expect(text).toContain('gridlocks 1');
    // The gridlock, with the time it closed and its links, as in the summary's `gridlocks`.
    const [g] = r.gridlocks;
    expect(text).toContain(`\nGridlock at ${formatCount(g.time)} s (${formatDuration(g.time)}): ${g.links.join(', ')}\n`);
  });

  it('the text report names the first gridlock and counts them all', () => {
    const r = simulate(ringWithEscape);
    const summary = summarize(r, ringWithEscape);
    const many = { ...summary, gridlocks: [0, 1, 2].map((k) => ({ time: 100 * (k + 1), links: [`l${k}`, 'm'] })) };
    expect(formatSummary(many, ringWithEscape)).toContain("\nGridlock at 100 s (1m 40s): l0, m (the first of 3; all in the summary's gridlocks)\n");
  });
});

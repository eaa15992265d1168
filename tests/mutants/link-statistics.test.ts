// A link's statistics in closed form: its peak occupancy is the most vehicles it ever
// held (not how many it held at the last entry), and its delay sums each vehicle's
// time on it beyond its free-flow time.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   town ══approach (5 km, 2 lanes, 100 km/h, 3,600 veh/h)══► b ──bottleneck (500 m, 50 km/h, 900 veh/h)──► c ──(1 km)──► safe
// 1,000 cars leave at 0 and 10 more at 2 h, when the corridor is empty again.
const corridor = scenario({
  nodes: ['town', 'b', 'c', 'safe'],
  network: {
    nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'b', x: 5000, y: 0 }, { id: 'c', x: 5500, y: 0 }, { id: 'safe', x: 6500, y: 0 }],
    roads: [
      road('approach', 'town', 'b', { lengthKm: 5, lanes: 2, speedKmh: 100, capacityVehPerHour: 3600 }),
      road('bottleneck', 'b', 'c', { lengthKm: 0.5, speedKmh: 50, capacityVehPerHour: 900 }),
      road('exit-road', 'c', 'safe', { lengthKm: 1, speedKmh: 100, capacityVehPerHour: 1800 }),
    ],
  },
  settlements: [settlement('early', 'town', 1000), settlement('late', 'town', 10)],
  shelters: [exit('safe', 'safe')],
  orders: [order(['early']), order(['late'], { at: 7200 })],
});

describe('link statistics', () => {
  const links = simulate(corridor).links;
  const approach = links.find((l) => l.id === 'approach');
  const bottleneck = links.find((l) => l.id === 'bottleneck');

  it('counts every vehicle that passed', () => {
    expect(approach?.vehicles).toBe(1010);
    expect(bottleneck?.vehicles).toBe(1010);
  });

  it('peak occupancy is the most the link held: 1,000 entered by 999 s, 205 let out by the bottleneck', () => {
    // Car k enters at k s (the origin loads at capacity), reaches b at k + 180 s and leaves
    // at 180 + 4k s (one bottleneck headway apart): at 999 s, 1,000 − (⌊819 / 4⌋ + 1) = 795.
    // The 10 late cars, later and alone, hold the link at no more than 10.
    expect(approach?.peakQueue).toBe(795);
    // The bottleneck itself runs at capacity: 36 s free-flow ÷ 4 s headway.
    expect(bottleneck?.peakQueue).toBe(9);
  });

  it('delay is the time on the link beyond free flow, summed: 3k s for car k of each group', () => {
    // Car k of a group is ready at b k s after the first and leaves 4k s after it.
    const delay = 3 * ((999 * 1000) / 2) + 3 * ((9 * 10) / 2);
    expect(approach?.totalDelaySeconds).toBeCloseTo(delay, 6);
    expect(bottleneck?.totalDelaySeconds).toBe(0);
  });
});

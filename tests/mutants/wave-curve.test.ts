// The wave condition reads the exit curve between two exits, not only at the last one:
// the k-th entrant of a full link waits for the fractional exit count k + 1 − J, which
// lies between exit j − 1 and exit j when the link's jam storage J is not whole.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/simulation/index.js';
import { exit, order, road, scenario, settlement } from '../helpers/build.js';

//   town ──in (100 m, 80 km/h, 1,800 veh/h)──► b ──out (5 km, 600 veh/h)──► safe
// `in` holds J = 100 / 7.5 = 13⅓ cars at jam; its backward wave runs at
// w = C / (kj − C/v) = 0.5 / (1/7.5 − 0.5/22.2) ≈ 4.51 m/s, so L/w = 22⅙ s.
const shortLink = scenario({
  nodes: ['town', 'b', 'safe'],
  network: {
    nodes: [{ id: 'town', x: 0, y: 0 }, { id: 'b', x: 100, y: 0 }, { id: 'safe', x: 5100, y: 0 }],
    roads: [
      road('in', 'town', 'b', { lengthKm: 0.1, speedKmh: 80, capacityVehPerHour: 1800 }),
      road('out', 'b', 'safe', { lengthKm: 5, capacityVehPerHour: 600 }),
    ],
  },
  settlements: [settlement('town', 'town', 40)],
  shelters: [exit('safe', 'safe')],
  orders: [order(['town'])],
});

describe('wave condition between two exits', () => {
  const entries: number[] = [];
  const exits: number[] = [];
  simulate(shortLink, {
    trace: (queue, _v, time, entering) => {
      if (queue === 0) (entering ? entries : exits).push(time);
    },
  });
  const waveTime = 100 / (0.5 / (1 / 7.5 - 0.5 / (80 / 3.6)));

  it('lets `in` out one bottleneck headway apart after its free-flow time: 4.5 + 6k s', () => {
    expect(exits).toHaveLength(40);
    for (const [k, t] of exits.entries()) expect(t).toBeCloseTo(4.5 + 6 * k, 9);
  });

  it('loads the first 14 cars at capacity, the 14th just as its share of space has come back', () => {
    // The 14th entrant needs ⅔ of an exit: on the curve rising over one headway before
    // the first exit, that is at 4.5 − 2 + ⅔·2 s; a wave-time later, 26 s, as by flow.
    expect(entries.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, k) => 2 * k));
  });

  it('lets car k ≥ 15 in ⅔ of the way up the curve\'s rise to exit k − 14, a wave-time later', () => {
    // The exit curve rises to each exit over the link's own headway (2 s) before it, so that
    // an exit after a long wait frees no space before it happens (docs/model.md). Exits come
    // 6 s apart here: 4.5 + 6(k − 14) − 2 + ⅔·2 + L/w = 32 + 6(k − 15) s. Read linearly from
    // the exit before, it would be 1⅓ s sooner; read at the exit itself, ⅔ s later.
    for (let k = 15; k <= 40; k++) {
      expect(entries[k - 1]).toBeCloseTo(4.5 + 6 * (k - 14) - 2 + (2 / 3) * 2 + waveTime, 6);
    }
  });
});

// What a capture does, over generated small networks with buses, closures and
// slowdowns: the accounting holds at every instant, nobody of the captured node
// leaves or is set down there after it, and nobody told there before it is left
// staying or waiting.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { simulate } from '../../src/simulation/index.js';
import { LogKind } from '../../src/result.js';
import type { Scenario } from '../../src/scenario/types.js';
import { peopleAt, peopleBySettlement } from '../../src/report/metrics.js';
import { arbitraryScenario } from '../helpers/arbitrary-scenario.js';
import { expectAtLeast, expectSame } from '../helpers/loop-expect.js';

/** The node the generated scenario captures, and when. */
function captureOf(s: Scenario): { node: string; at: number } {
  const h = s.hazards.find((x) => x.kind === 'capture');
  if (h?.kind !== 'capture') throw new Error('no capture');
  return { node: h.nodes[0], at: h.at };
}

describe('capture (property)', () => {
  it('keeps the accounting, and leaves nobody of the node departing, arriving there, staying or waiting', () => {
    fc.assert(
      fc.property(arbitraryScenario({ hazards: true, fleets: true, capture: true }), (s) => {
        const { node, at } = captureOf(s);
        const r = simulate(s);
        for (const t of [0, at, ...Array.from(r.log.time), r.endTime]) {
          const p = peopleAt(r, t);
          expectSame(p.stayed + p.waiting + p.inTransit + p.evacuated + p.trapped, p.told);
          for (const v of Object.values(p)) expectAtLeast(v, 0);
        }
        const onNode = r.settlements.map((x) => x.node === node);
        const leaving: number[] = [LogKind.Departed, LogKind.ReadyForFleet, LogKind.ShadowDeparted];
        const arriving: number[] = [LogKind.Evacuated, LogKind.ShadowEvacuated];
        const trappedHome: number[] = [LogKind.TrappedStayed, LogKind.TrappedWaiting];
        for (let i = 0; i < r.log.length; i++) {
          const kind = r.log.kind[i];
          const settlement = r.log.settlement[i];
          if (r.log.time[i] >= at && leaving.includes(kind)) expectSame(onNode[settlement], false);
          if (r.log.time[i] >= at && arriving.includes(kind)) expectSame(r.destinations[r.log.destination[i]].node === node, false);
          if (trappedHome.includes(kind)) expectSame(onNode[settlement], true);
        }
        const end = peopleBySettlement(r, r.endTime);
        r.settlements.forEach((x, i) => {
          if (!onNode[i] || at > s.horizon) return;
          expect(x.capturedAt).toBe(at);
          expect(end[i]).toMatchObject({ stayed: 0, waiting: 0 });
        });
      }),
      { numRuns: 150 },
    );
  });
});

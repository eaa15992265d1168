// The recorder's per-link figures against a plain reference: every traversal
// kept as an object, intervals swept one event at a time. Random traversals
// (fast-check) and a run long enough to fill several of the recorder's chunks.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { CompiledNetwork } from '../../src/network/compile.js';
import { type LinkBin, LinkRecorder } from '../../src/report/link-congestion.js';
import type { SimulationResult } from '../../src/result.js';

interface Traversal { link: number; enter: number; exit: number }

const FREE = [30, 90, 5];
const BIN = 60;

/** What `congestion` reads of a run and a network: ids, capacity, storage, free-flow time. */
function context(links: number): { result: SimulationResult; net: CompiledNetwork } {
  const ids = Array.from({ length: links }, (_, i) => ({ id: `l${i}` }));
  const net = { linkCapacity: [1800, 600, 3600], linkStorage: [100, 50, 10], linkLength: FREE, linkSpeed: [1, 1, 1] };
  return { result: { links: ids } as unknown as SimulationResult, net: net as unknown as CompiledNetwork };
}

/** Feeds the traversals to a recorder as the simulation would: each vehicle enters, then leaves. */
function record(traversals: readonly Traversal[]): LinkRecorder {
  const recorder = new LinkRecorder();
  const calls = traversals.flatMap((t, v) => [
    { time: t.enter, link: t.link, v, entering: true },
    { time: t.exit, link: t.link, v, entering: false },
  ]);
  calls.sort((a, b) => a.time - b.time || Number(b.entering) - Number(a.entering));
  for (const c of calls) recorder.trace(c.link, c.v, c.time, c.entering);
  return recorder;
}

/** The reference: bins and queue spans from a list of intervals sorted as events. */
function reference(traversals: readonly Traversal[], link: number) {
  const bins = new Map<number, LinkBin>();
  const row = (t: number): LinkBin => {
    const b = Math.floor(t / BIN);
    if (!bins.has(b)) bins.set(b, { bin: b, entered: 0, exited: 0, queueSeconds: 0, maxQueue: 0, delaySeconds: 0 });
    return bins.get(b) as LinkBin;
  };
  const mine = traversals.filter((t) => t.link === link).sort((a, b) => a.exit - b.exit);
  const events: [number, number][] = [];
  for (const t of mine) {
    row(t.enter).entered++;
    const delay = Math.max(0, t.exit - t.enter - FREE[link]);
    row(t.exit).exited++;
    row(t.exit).delaySeconds += delay;
    if (delay > 0.5) events.push([t.exit - delay, 1], [t.exit, -1]);
  }
  events.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let queued = 0;
  let since = events.length > 0 ? events[0][0] : 0;
  let began: number | null = null;
  let ended: number | null = null;
  let queuedSeconds = 0;
  for (const [t, step] of events) {
    for (let from = since; from < t; ) {
      const to = Math.min(t, (Math.floor(from / BIN) + 1) * BIN);
      if (queued > 0) {
        row(from).queueSeconds += queued * (to - from);
        row(from).maxQueue = Math.max(row(from).maxQueue, queued);
        queuedSeconds += to - from;
      }
      from = to;
    }
    queued += step;
    since = t;
    if (queued > 0) {
      row(t).maxQueue = Math.max(row(t).maxQueue, queued);
      began ??= t;
    }
    if (queued === 0 && step < 0) ended = t;
  }
  return { bins, queueBegan: began, queueEnded: ended, queuedSeconds };
}

function expectReference(traversals: readonly Traversal[]): void {
  const { result, net } = context(FREE.length);
  const links = record(traversals).congestion(result, net, BIN);
  links.forEach((l, i) => {
    const want = reference(traversals, i);
    expect({ queueBegan: l.queueBegan, queueEnded: l.queueEnded }).toEqual({ queueBegan: want.queueBegan, queueEnded: want.queueEnded });
    expect(l.queuedSeconds).toBeCloseTo(want.queuedSeconds, 6);
    const byBin = (m: Map<number, LinkBin>) => [...m.values()].sort((a, b) => a.bin - b.bin);
    const got = byBin(l.bins);
    const wanted = byBin(want.bins);
    expect(got.map((b) => [b.bin, b.entered, b.exited, b.maxQueue])).toEqual(wanted.map((b) => [b.bin, b.entered, b.exited, b.maxQueue]));
    got.forEach((b, k) => {
      const w = wanted[k];
      expect(b.queueSeconds).toBeCloseTo(w.queueSeconds, 6);
      expect(b.delaySeconds).toBeCloseTo(w.delaySeconds, 6);
    });
  });
}

const traversal = fc
  .record({ link: fc.integer({ min: 0, max: FREE.length - 1 }), enter: fc.integer({ min: 0, max: 2000 }), stay: fc.integer({ min: 0, max: 1200 }) })
  .map(({ link, enter, stay }) => ({ link, enter: enter / 4, exit: (enter + stay) / 4 }));

describe('LinkRecorder against the reference', () => {
  test('random traversals: the same bins, queue spans and queued time', () => {
    fc.assert(fc.property(fc.array(traversal, { maxLength: 60 }), (ts) => { expectReference(ts); }), { numRuns: 300 });
  });

  test('150,000 traversals, over three chunks of the recorder', () => {
    // Vehicles enter link i mod 3 every 0.1 s and leave behind a 400 veh/h exit; deterministic, no randomness needed.
    const ts: Traversal[] = [];
    const last = [0, 0, 0];
    for (let v = 0; v < 150_000; v++) {
      const link = v % 3;
      const enter = v * 0.1;
      const exit = Math.max(enter + FREE[link], last[link] + 9);
      last[link] = exit;
      ts.push({ link, enter, exit });
    }
    expectReference(ts);
  });
});

// What the worker hands over to the page instead of copying: the buffers behind the
// map's series over time. In Chromium a typed array's buffer is cloned slower than
// a plain array of the same numbers (Kursk's outcome: about 11 ms to send against
// 4 ms), but transferred in under 1 ms (measured, BENCHMARKS.md).

import type { TrafficSeries } from '../html/traffic.js';
import type { Outcome } from './evaluate.js';

/** The distinct buffers of the outcome's typed series, to transfer with it. */
export function outcomeBuffers(outcome: Outcome): ArrayBuffer[] {
  const buffers = new Set<ArrayBufferLike>();
  const add = (series: ArrayLike<number>) => {
    if (ArrayBuffer.isView(series)) buffers.add(series.buffer);
  };
  for (const s of outcome.map.settlements) for (const series of Object.values(s.over)) add(series);
  for (const r of outcome.map.roads) if (r.over !== null) for (const series of Object.values(r.over)) add(series);
  for (const o of outcome.map.origins) add(o.queued);
  return [...buffers].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}

/** `traffic` with its series copied into a buffer of its own: what stays when the original is transferred. */
export function ownTraffic(traffic: TrafficSeries): TrafficSeries {
  // Each buffer copied once, whole; each series a view into the copy at its own place.
  const copies = new Map<ArrayBufferLike, Int32Array>();
  const copy = (series: Int32Array) => {
    let whole = copies.get(series.buffer);
    if (whole === undefined) {
      whole = new Int32Array(series.buffer).slice();
      copies.set(series.buffer, whole);
    }
    const from = series.byteOffset / Int32Array.BYTES_PER_ELEMENT;
    return whole.subarray(from, from + series.length);
  };
  return {
    times: traffic.times,
    roads: traffic.roads.map((r) => ({ id: r.id, onRoad: copy(r.onRoad), fleetOnRoad: copy(r.fleetOnRoad), passed: copy(r.passed) })),
    origins: traffic.origins.map((o) => ({ node: o.node, queued: copy(o.queued) })),
  };
}

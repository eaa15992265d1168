// Event payloads: one 32-bit integer per event, `id << EV_BITS | kind`, so the
// heap holds numbers, not objects. The kinds are listed here, below every model
// layer, so traffic, logistics, hazards and the run loop can each schedule their
// own without importing one another.

/** The head vehicle of a link (or origin queue) may be able to leave. */
export const EV_HEAD = 0;
/** A link may admit one of the approaches waiting to enter it (the node model). */
export const EV_ADMIT = 1;
/** Households become ready to leave. */
export const EV_DEPARTURES = 2;
export const EV_ORDER = 3;
/** Hazards start or end: the network changes. */
export const EV_NETWORK = 4;
export const EV_CAPTURE = 5;
export const EV_FLEET = 6;
export const EV_SAMPLE = 7;
/** Route-choice estimates are refreshed (adaptive routing). */
export const EV_REFRESH = 8;
/** Waiting checks of traffic are due (traffic/checks.ts). */
export const EV_CHECK = 9;

export const EV_BITS = 4;
export const EV_MASK = 15;

/** The payload of event `kind` about `id`. */
export function payload(id: number, kind: number): number {
  return (id << EV_BITS) | kind;
}

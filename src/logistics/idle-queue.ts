// The parked vehicles of each fleet, longest parked first: one doubly linked list
// per fleet threaded through typed arrays indexed by vehicle. Parking, taking the
// longest parked, removing any vehicle and asking whether one is parked all cost
// O(1), so a fleet of a million vehicles costs no more per decision than one of two.
const NONE = -1;

export class IdleQueue {
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly parked: Uint8Array;
  private readonly head: Int32Array;
  private readonly last: Int32Array;
  private readonly count: Int32Array;

  /** Room for `vehicles` vehicles (indices 0 … vehicles − 1) in `fleets` fleets. */
  constructor(fleets: number, vehicles: number) {
    this.next = new Int32Array(vehicles).fill(NONE);
    this.prev = new Int32Array(vehicles).fill(NONE);
    this.parked = new Uint8Array(vehicles);
    this.head = new Int32Array(fleets).fill(NONE);
    this.last = new Int32Array(fleets).fill(NONE);
    this.count = new Int32Array(fleets);
  }

  /** Parked vehicles of fleet `f`. */
  size(f: number): number {
    return this.count[f];
  }

  has(v: number): boolean {
    return this.parked[v] === 1;
  }

  /** Parks `v` behind the other parked vehicles of fleet `f`; nothing when it is parked already. */
  push(f: number, v: number): void {
    if (this.parked[v]) return;
    this.parked[v] = 1;
    const tail = this.last[f];
    this.prev[v] = tail;
    this.next[v] = NONE;
    if (tail === NONE) this.head[f] = v;
    else this.next[tail] = v;
    this.last[f] = v;
    this.count[f]++;
  }

  /** The longest parked vehicle of fleet `f`; −1 when none is parked. */
  first(f: number): number {
    return this.head[f];
  }

  /** The vehicle parked next after `v` in its fleet; −1 when `v` was parked last. */
  after(v: number): number {
    return this.next[v];
  }

  /** Takes the longest parked vehicle of fleet `f`; −1 when none is parked. */
  shift(f: number): number {
    const v = this.head[f];
    if (v !== NONE) this.remove(f, v);
    return v;
  }

  /** Takes `v` out of fleet `f`'s parked vehicles; nothing when it is not parked. */
  remove(f: number, v: number): void {
    if (!this.parked[v]) return;
    this.parked[v] = 0;
    const before = this.prev[v];
    const after = this.next[v];
    if (before === NONE) this.head[f] = after;
    else this.next[before] = after;
    if (after === NONE) this.last[f] = before;
    else this.prev[after] = before;
    this.next[v] = NONE;
    this.prev[v] = NONE;
    this.count[f]--;
  }
}

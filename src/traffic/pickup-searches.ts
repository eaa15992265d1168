// The searches behind the pickups' route tables, kept within a memory budget. Each
// search holds arrays over every node (13 bytes a node), and a region has a
// pickup per settlement: one search per pickup would grow as settlements × nodes
// (some 7.6 GB for 15,000 settlements on 30,000 nodes). The least recently asked
// tables give their search up when the budget is reached; asked again, such a table
// is searched afresh, which gives the very answers it would have kept, so only the
// work done changes, never a result.
import { RouteSearch } from '../network/routing.js';
import type { CompiledNetwork } from '../network/compile.js';

/** Bytes the pickups' searches may hold in all, by default. */
export const PICKUP_SEARCH_BYTES = 1 << 30;

/** Bytes one search holds on a network of `nodeCount` nodes (next, distance, settled; its heap holds only the frontier). */
export function searchBytes(nodeCount: number): number {
  return 13 * nodeCount;
}

export class PickupSearches {
  /** Searches held at most. */
  readonly budget: number;
  private readonly net: CompiledNetwork;
  // Tables holding a search, most recently asked first: a list threaded through `newer`/`older`.
  private readonly newer: Int32Array;
  private readonly older: Int32Array;
  private newest = -1;
  private oldest = -1;
  private held = 0;

  /** `tables` pickup tables (numbered from 0 here) on `net`; at most `budget` searches held. */
  constructor(net: CompiledNetwork, tables: number, budget: number) {
    this.net = net;
    this.budget = Math.max(1, budget);
    this.newer = new Int32Array(tables).fill(-1);
    this.older = new Int32Array(tables).fill(-1);
  }

  /** Marks table `p` (holding a search) as just asked. */
  touch(p: number): void {
    if (this.newest === p) return;
    this.unlink(p);
    this.pushNewest(p);
  }

  /**
   * A search for table `p`, which holds none: a new one or, at the budget, the one the
   * least recently asked table gives up (`giveUp(table)` forgets it and returns it).
   */
  take(p: number, giveUp: (p: number) => RouteSearch): RouteSearch {
    let search: RouteSearch;
    if (this.held < this.budget) {
      // Its arrays are its own: after links close it is repaired, not searched afresh.
      search = new RouteSearch(this.net, undefined, undefined, undefined, undefined, null, true);
      this.held++;
    } else {
      const victim = this.oldest;
      this.unlink(victim);
      search = giveUp(victim);
    }
    this.pushNewest(p);
    return search;
  }

  private pushNewest(p: number): void {
    this.older[p] = this.newest;
    this.newer[p] = -1;
    if (this.newest >= 0) this.newer[this.newest] = p;
    this.newest = p;
    if (this.oldest < 0) this.oldest = p;
  }

  private unlink(p: number): void {
    const newer = this.newer[p];
    const older = this.older[p];
    if (newer >= 0) this.older[newer] = older;
    else if (this.newest === p) this.newest = older;
    if (older >= 0) this.newer[older] = newer;
    else if (this.oldest === p) this.oldest = newer;
    this.newer[p] = -1;
    this.older[p] = -1;
  }
}

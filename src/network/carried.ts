// What a road link carries: its stated capacity, or less where the top of its triangular
// fundamental diagram (free speed, jam storage and backward wave speed) is lower. Kinematic-
// wave theory lets no flow through a link above the top of its diagram (docs/model.md).
import { MODE_ROAD, type CompiledNetwork } from './compile.js';

/**
 * Vehicles per hour link `l` carries before hazards: its capacity, or the top of its triangle
 * where that is lower (a wave speed set slower than the triangle's own, or a capacity beyond
 * what its lanes hold at jam spacing). With the triangle's own wave speed the top is the
 * capacity, up to rounding, and the capacity is kept exactly. Rail links: their capacity.
 */
export function carriedCapacity(net: CompiledNetwork, l: number): number {
  const capacity = net.linkCapacity[l];
  if (net.linkMode[l] !== MODE_ROAD) return capacity;
  const length = net.linkLength[l];
  // The top of the triangle: jam / (length/v + length/w).
  const top = (3600 * net.linkJam[l]) / (length / net.linkSpeed[l] + length / net.linkWaveSpeed[l]);
  return top < capacity * (1 - 1e-9) ? top : capacity;
}

/**
 * The triangle of link `l` under the free-flow time `free` (s), jam storage `jam` (vehicles,
 * unrounded) and capacity `capacity` (veh/h) in force: the capacity it carries and the seconds
 * its backward wave takes over its length. The wave keeps its speed unless the capacity in
 * force is above the top of the triangle with it (a control point raising it, a speed factor
 * without a capacity factor): the wave then runs as fast as the triangle through that
 * capacity needs, `L/w = J/C − L/v`, so the upstream end takes what the downstream end lets
 * out. Where no wave could (C ≥ J·v/L: no congested branch) the wave is instant and the link
 * carries `J·v/L`, what its lanes hold at the free speed, as a link compiled so does.
 */
export function triangleInForce(net: CompiledNetwork, l: number, free: number, jam: number, capacity: number): { capacity: number; waveTime: number } {
  const waveTime = net.linkLength[l] / net.linkWaveSpeed[l];
  if (net.linkMode[l] !== MODE_ROAD) return { capacity, waveTime };
  const top = (3600 * jam) / (free + waveTime);
  if (!(top < capacity * (1 - 1e-9))) return { capacity, waveTime };
  const needed = (3600 * jam) / capacity - free;
  if (needed > 0) return { capacity, waveTime: needed };
  return { capacity: (3600 * jam) / free, waveTime: 0 };
}

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

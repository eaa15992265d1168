// Roads that cannot carry their stated capacity. A link lets a vehicle in only once the
// space freed at its front has travelled back (length / backward wave speed), so it
// takes at most jam / (length/v + length/w) vehicles a second: the capacity of its
// triangular fundamental diagram. With the wave speed the triangle gives, that is the
// stated capacity; a wave speed set slower, or a capacity so high that a lane at the
// free speed cannot hold it at jam spacing (then the wave runs at the free speed), make
// it less, and the road carries that (network/carried.ts) without saying so.
import type { Scenario } from '../scenario/types.js';
import { MODE_ROAD, type CompiledNetwork } from '../network/compile.js';
import { carriedCapacity } from '../network/carried.js';
import type { Warning } from './warning.js';

/** One warning per road whose links take vehicles in at less than its capacity. */
export function capacityBeyondWave(scenario: Scenario, net: CompiledNetwork): Warning[] {
  const warnings: Warning[] = [];
  const warned = new Set<number>();
  for (let l = 0; l < net.linkCount; l++) {
    const r = net.linkRoad[l];
    if (net.linkMode[l] !== MODE_ROAD || warned.has(r)) continue;
    const v = net.linkSpeed[l];
    const w = net.linkWaveSpeed[l];
    const carried = carriedCapacity(net, l);
    const capacity = net.linkCapacity[l];
    if (carried === capacity) continue;
    warned.add(r);
    const road = scenario.network.roads[r];
    const why = road.waveSpeedKmh !== null || scenario.traffic.waveSpeedKmh[road.class] !== undefined
      ? `its backward wave of ${round(w * 3.6)} km/h lets vehicles in no faster`
      : `${road.lanes} lane${road.lanes > 1 ? 's' : ''} at ${round(v * 3.6)} km/h and ${scenario.traffic.jamSpacingM} m a vehicle at jam cannot hold that flow`;
    warnings.push({
      path: `network.roads[${r}]`,
      message: `"${road.id}" carries at most ${round(carried)} veh/h, not its capacity of ${round(capacity)} veh/h: ${why}`,
    });
  }
  return warnings;
}

function round(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}

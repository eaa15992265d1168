// Roads that cannot carry their stated capacity. A link lets a vehicle in only once the
// space freed at its front has travelled back (length / backward wave speed), so it
// takes at most jam / (length/v + length/w) vehicles a second: the capacity of its
// triangular fundamental diagram. With the wave speed the triangle gives, that is the
// stated capacity; a wave speed set slower, or a capacity so high that a lane at the
// free speed cannot hold it at jam spacing (then the wave is instant and the road
// carries what its lanes hold), make it less, and the road carries that
// (network/carried.ts) without saying so. Below that line the triangle's own wave
// carries the capacity however fast it must run: a road whose capacity needs a wave
// faster than its cars is warned of too, as a capacity a traffic engineer would check.
import type { Scenario } from '../scenario/types.js';
import { MODE_ROAD, type CompiledNetwork } from '../network/compile.js';
import { carriedCapacity } from '../network/carried.js';
import type { Warning } from './warning.js';

/**
 * One warning per road whose links take vehicles in at less than its capacity; with
 * `nearLine`, also per road that carries it only with a backward wave faster than its cars.
 */
export function capacityBeyondWave(scenario: Scenario, net: CompiledNetwork, nearLine = true): Warning[] {
  const warnings: Warning[] = [];
  const warned = new Set<number>();
  for (let l = 0; l < net.linkCount; l++) {
    const r = net.linkRoad[l];
    if (net.linkMode[l] !== MODE_ROAD || warned.has(r)) continue;
    const v = net.linkSpeed[l];
    const w = net.linkWaveSpeed[l];
    const carried = carriedCapacity(net, l);
    const capacity = net.linkCapacity[l];
    const road = scenario.network.roads[r];
    const ownWave = road.waveSpeedKmh === null && scenario.traffic.waveSpeedKmh[road.class] === undefined;
    if (carried === capacity) {
      if (nearLine && ownWave && w > v) {
        warned.add(r);
        warnings.push(nearNoCongestedBranch(scenario, r, v, w, capacity));
      }
      continue;
    }
    warned.add(r);
    const why = !ownWave
      ? `its backward wave of ${round(w * 3.6)} km/h lets vehicles in no faster`
      : `${road.lanes} lane${road.lanes > 1 ? 's' : ''} at ${round(v * 3.6)} km/h and ${scenario.traffic.jamSpacingM} m a vehicle at jam cannot hold that flow`;
    warnings.push({
      path: `network.roads[${r}]`,
      message: `"${road.id}" carries at most ${round(carried)} veh/h, not its capacity of ${round(capacity)} veh/h: ${why}`,
    });
  }
  return warnings;
}

/**
 * Road `r` carries its capacity with the triangle's own wave, but only with one faster than
 * its cars: close to what its lanes hold at its speed at jam spacing, beyond which it has no
 * congested branch and carries no more (network/classes.ts, triangularWaveSpeed).
 */
function nearNoCongestedBranch(scenario: Scenario, r: number, v: number, w: number, capacity: number): Warning {
  const road = scenario.network.roads[r];
  const spacing = scenario.traffic.jamSpacingM;
  const lanes = `${road.lanes} lane${road.lanes > 1 ? 's' : ''}`;
  const holds = (3600 * v * road.lanes) / spacing;
  return {
    path: `network.roads[${r}]`,
    message:
      `"${road.id}" carries its capacity of ${round(capacity)} veh/h only with a backward wave of ${round(w * 3.6)} km/h, faster than its cars ` +
      `(${round(v * 3.6)} km/h): ${lanes} at that speed ${road.lanes > 1 ? 'hold' : 'holds'} at most ${round(holds)} veh/h at ${spacing} m a vehicle, and no higher capacity ` +
      `carries more; check its capacity, speed and lanes`,
  };
}

function round(x: number): string {
  return x >= 100 ? String(Math.round(x)) : String(Math.round(x * 10) / 10);
}

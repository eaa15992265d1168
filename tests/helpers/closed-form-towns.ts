// The scenario file of the closed-form tests of sweeps and reports: town A's 1,000 cars
// over a 5 km approach (180 s), a 500 m bottleneck (36 s, one car every 3600 / `bottleneck`
// s) and 1 km to its exit (36 s); town B's 200 cars on a 3 km road of their own, told at 1 h.

/** The scenario file's value: A told at `orderA`, the bottleneck carrying `bottleneck` veh/h. */
export function closedFormTowns(name: string, horizon: string, orderA: string | number, bottleneck = 900): Record<string, any> {
  return {
    name,
    seed: 1,
    horizon,
    network: {
      nodes: [
        { id: 'town', x: 0, y: 0 }, { id: 'b', x: 5000, y: 0 }, { id: 'c', x: 5500, y: 0 }, { id: 'safe', x: 6500, y: 0 },
        { id: 'btown', x: 0, y: 20000 }, { id: 'bsafe', x: 3000, y: 20000 },
      ],
      roads: [
        { id: 'approach', from: 'town', to: 'b', class: 'trunk', lengthKm: 5, lanes: 2, speedKmh: 100, capacityVehPerHour: 3600, oneway: true },
        { id: 'bottleneck', from: 'b', to: 'c', class: 'local', lengthKm: 0.5, lanes: 1, speedKmh: 50, capacityVehPerHour: bottleneck, oneway: true },
        { id: 'exit-road', from: 'c', to: 'safe', class: 'primary', lengthKm: 1, lanes: 1, speedKmh: 100, capacityVehPerHour: 1800, oneway: true },
        { id: 'b-road', from: 'btown', to: 'bsafe', class: 'primary', lengthKm: 3, lanes: 1, speedKmh: 90, capacityVehPerHour: 1200, oneway: true },
      ],
    },
    settlements: [{ id: 'a', node: 'town', population: 1000, district: 'A' }, { id: 'b', node: 'btown', population: 200, district: 'B' }],
    shelters: [{ id: 'safe', node: 'safe' }, { id: 'bsafe', node: 'bsafe' }],
    households: { size: 1, carShare: 1 },
    orders: [
      { at: orderA, settlements: ['a'], compliance: 1, mobilization: { kind: 'fixed', median: 0 } },
      { at: '1h', settlements: ['b'], compliance: 1, mobilization: { kind: 'fixed', median: 0 } },
    ],
  };
}

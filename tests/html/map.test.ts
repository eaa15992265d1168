import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mapData, type MapHazard } from '../../src/html/map-data.js';
import { placeLabels } from '../../src/html/map-labels.js';
import { mapLegend } from '../../src/html/map-legend.js';
import { clearanceClasses } from '../../src/html/map-scales.js';
import { renderMap } from '../../src/html/map.js';
import { escapeHtml } from '../../src/html/escape.js';
import { builtInScenario } from '../../src/cli/paths.js';
import { peopleSeries } from '../../src/report/metrics.js';
import { LogKind, type SimulationResult } from '../../src/result.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { simulate } from '../../src/simulation/simulate.js';
import { runFixture } from './fixtures.js';
import { simulateWithTraffic } from '../../src/html/traffic.js';
import { summarize } from '../../src/report/summary.js';

describe('mapData', () => {
  const { scenario, result } = runFixture();
  const data = mapData(result, scenario);

  it('places nodes in planar metres and sums both directions of a road', () => {
    expect(data.geographic).toBe(false);
    expect(data.roads.find((r) => r.id === 'b-c')?.points).toEqual([[5000, 0], [10000, 0]]);
    const bd = data.roads.find((r) => r.id === 'b-d<x>');
    const links = result.links.filter((l) => l.id.startsWith('b-d<x>'));
    expect(bd?.vehicles).toBe(links.reduce((sum, l) => sum + l.vehicles, 0));
    expect(bd?.detail).toHaveLength(2);
  });

  it('gives each road the storage the model runs with, jam spacing included', () => {
    const bc = scenario.network.roads.find((r) => r.id === 'b-c')!;
    const storage = (jamSpacingM: number) => Math.floor((bc.lengthKm * 1000 * bc.lanes) / jamSpacingM);
    expect(data.roads.find((r) => r.id === 'b-c')?.storage).toBe(storage(scenario.traffic.jamSpacingM));
    const spaced = { ...scenario, traffic: { ...scenario.traffic, jamSpacingM: scenario.traffic.jamSpacingM * 2 } };
    expect(mapData(result, spaced).roads.find((r) => r.id === 'b-c')?.storage).toBe(storage(scenario.traffic.jamSpacingM * 2));
  });

  it('turns the front towards the side it advances into', () => {
    const front = data.hazards.find((h) => h.kind === 'front');
    expect(front).toMatchObject({ kind: 'front', side: [1, -0], speed: 10000 / 86400, maxDepth: 3000 });
  });

  it('knows when each settlement was told, cleared and captured', () => {
    const [s1, s2] = data.settlements;
    expect(s1.orderedAt).toBe(0);
    expect(s1.capturedAt).toBe(result.settlements[0].capturedAt);
    expect(s2.capturedAt).toBeNull();
  });
});

describe('renderMap', () => {
  const { scenario, result } = runFixture();
  const data = mapData(result, scenario);
  const front = data.hazards.find((h) => h.kind === 'front') as Extract<MapHazard, { kind: 'front' }>;

  it('draws the area the front has reached at a mid-run time, not only at 0', () => {
    const mid = data.times[Math.floor(data.times.length / 2)];
    const reach = Math.min(front.maxDepth, (mid - front.from) * front.speed);
    expect(reach).toBeGreaterThan(0);
    const svg = renderMap(data, { time: mid });
    expect(svg).toContain(`data-reach-m="${Math.round(reach)}"`);
    const width = Number(/class="front-area"[^>]*>(?:<title>[^<]*<\/title>)?<path[^>]*stroke-width="([\d.]+)"/.exec(svg)?.[1]);
    expect(width).toBeGreaterThan(0);
    expect(renderMap(data, { time: 0 })).toMatch(/class="front-area" data-reach-m="0"/);
  });

  it("shows every settlement's people as they were at the chosen instant, as the log counts them", () => {
    for (const i of [1, Math.floor(data.times.length / 2), data.times.length - 1]) {
      const t = data.times[i];
      const svg = renderMap(data, { time: t });
      for (const s of scenario.settlements) {
        const p = peopleSeries(result, [t], { settlement: s.id })[0];
        const left = p.complied - p.waiting - kindUpTo(result, s.id, t, LogKind.TrappedWaiting);
        const attrs = new RegExp(`data-settlement="${s.id}"[^>]*data-waiting="(\\d+)" data-left="(\\d+)" data-evacuated="(\\d+)" data-trapped="(\\d+)"`).exec(svg);
        expect(attrs?.slice(1).map(Number)).toEqual([p.waiting, left, p.evacuated, p.trapped]);
      }
    }
  });

  it('draws a capture only from the instant it happens', () => {
    const capturedAt = result.settlements[0].capturedAt as number;
    expect(capturedAt).toBeGreaterThan(0);
    const mark = (svg: string) => /<g class="settlement"[^>]*data-settlement="s1"[\s\S]*?<\/g>/.exec(svg)?.[0] ?? '';
    expect(mark(renderMap(data, { time: capturedAt - 1 }))).not.toContain('class="captured"');
    expect(mark(renderMap(data, { time: data.endTime }))).toContain('class="captured"');
  });

  it('fades a closure outside its window', () => {
    expect(renderMap(data, { time: 3 * 3600 })).toContain('class="hazard-road" data-active="true"');
    expect(renderMap(data, { time: 5 * 3600 })).toContain('class="hazard-road" data-active="false"');
  });

  it('is drawn at the width asked', () => {
    expect(renderMap(data, { width: 360 })).toMatch(/viewBox="0 0 360 [\d.]+" width="360"/);
  });
});

describe('mapLegend', () => {
  it('has an entry only for what the scenario has', () => {
    const { scenario, result } = runFixture();
    const legend = mapLegend(mapData(result, scenario));
    expect(legend).toContain('area the front has reached');
    expect(legend).toContain('road closed');
    expect(legend).not.toContain('road slowed');
    expect(legend).not.toContain('railway');
  });

  it('names the whole-run road colouring for what it counts: the most vehicles at once, moving or queued', () => {
    // A road carrying traffic at free-flow speed holds vehicles without any queue.
    const { scenario, result } = runFixture();
    const legend = mapLegend(mapData(result, scenario), { roads: 'queue' });
    expect(legend).toContain('Roads: most vehicles at once, moving or queued (share of room)');
    expect(legend).not.toContain('peak queue');
  });
});

describe('clearanceClasses', () => {
  it('scales the classes to the run, so a short run is not all one colour', () => {
    expect(clearanceClasses(2 * 3600).breaks[0]).toBeLessThanOrEqual(30 * 60);
    fc.assert(fc.property(fc.integer({ min: 61, max: 30 * 86400 }), (longest) => {
      const { breaks } = clearanceClasses(longest);
      // The longest clearance is within the five classes, and past the first.
      expect(longest).toBeLessThanOrEqual(5 * breaks[0]);
      expect(longest).toBeGreaterThan(breaks[0]);
    }));
  });
});

describe('map labels', () => {
  it('label the exit most people reached, and draw places above the settlements', () => {
    const scenario = loadScenarioFile(builtInScenario());
    const result = simulate(scenario);
    const data = mapData(result, scenario);
    const biggest = [...data.destinations].sort((a, b) => b.arrived - a.arrived)[0];
    const svg = renderMap(data);
    const labels = /<g class="labels">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
    expect(labels).toContain(`>${escapeHtml(biggest.name.split(' (')[0].slice(0, 23))}`);
    expect(svg.indexOf('class="destinations"')).toBeGreaterThan(svg.indexOf('class="settlements"'));
  });

  it('keep out of the time at the top and the scale bar at the bottom, at any width', () => {
    const { scenario, result } = runFixture();
    const data = mapData(result, scenario);
    for (const width of [300, 390, 720]) {
      const svg = renderMap(data, { width });
      const height = Number(/viewBox="0 0 \d+ ([\d.]+)"/.exec(svg)?.[1]);
      const labels = /<g class="labels">([\s\S]*?)<\/g>/.exec(svg)?.[1] ?? '';
      const ys = [...labels.matchAll(/ y="([\d.]+)"/g)].map((m) => Number(m[1]));
      expect(ys.length).toBeGreaterThan(0);
      for (const y of ys) {
        expect(y - 10).toBeGreaterThanOrEqual(24);
        expect(y + 2).toBeLessThanOrEqual(height - 24);
      }
    }
  });
});

/** People in log rows of `kind` for settlement `id` up to `t`. */
function kindUpTo(result: SimulationResult, id: string, t: number, kind: LogKind): number {
  const s = result.settlements.findIndex((x) => x.id === id);
  let sum = 0;
  for (let row = 0; row < result.log.length && result.log.time[row] <= t; row++) {
    if (result.log.settlement[row] === s && result.log.kind[row] === kind) sum += result.log.people[row];
  }
  return sum;
}

describe('placeLabels', () => {
  it('never overlaps two labels and keeps them in the frame', () => {
    const request = fc.record({
      text: fc.string({ minLength: 1, maxLength: 20 }),
      x: fc.integer({ min: 0, max: 400 }),
      y: fc.integer({ min: 0, max: 300 }),
      radius: fc.integer({ min: 1, max: 12 }),
      important: fc.boolean(),
    });
    fc.assert(fc.property(fc.array(request, { maxLength: 30 }), (requests) => {
      const placed = placeLabels(requests, 400, 300);
      for (const { box: [left, top, width, height] } of placed) {
        expect(left).toBeGreaterThanOrEqual(0);
        expect(top).toBeGreaterThanOrEqual(0);
        expect(left + width).toBeLessThanOrEqual(400);
        expect(top + height).toBeLessThanOrEqual(300);
      }
      placed.forEach(({ box: a }, i) => {
        for (const { box: b } of placed.slice(i + 1)) {
          const apart = a[0] + a[2] <= b[0] || b[0] + b[2] <= a[0] || a[1] + a[3] <= b[1] || b[1] + b[3] <= a[1];
          expect(apart).toBe(true);
        }
      });
    }));
  });
});

describe('labels and fleet tags', () => {
  it('a label never covers a box of `obstacles` unless important (property)', () => {
    const box = fc.tuple(fc.integer({ min: 0, max: 380 }), fc.integer({ min: 0, max: 280 }), fc.integer({ min: 5, max: 40 }), fc.constant(16));
    const request = fc.record({ text: fc.string({ minLength: 1, maxLength: 12 }), x: fc.integer({ min: 0, max: 400 }), y: fc.integer({ min: 0, max: 300 }), radius: fc.integer({ min: 1, max: 12 }) });
    fc.assert(fc.property(fc.array(request, { maxLength: 20 }), fc.array(box, { maxLength: 10 }), (requests, obstacles) => {
      for (const { box: a } of placeLabels(requests, 400, 300, obstacles)) {
        for (const b of obstacles) expect(a[0] < b[0] + b[2] && b[0] < a[0] + a[2] && a[1] < b[1] + b[3] && b[1] < a[1] + a[3]).toBe(false);
      }
    }));
  });

  it("on Kursk's map no label but the eight largest places' covers a fleet tag, at any instant of the run", () => {
    const scenario = loadScenarioFile(builtInScenario());
    const { result, traffic } = simulateWithTraffic(scenario);
    const data = mapData(result, scenario, traffic, summarize(result, scenario));
    const boxesOf = (svg: string) => [...svg.matchAll(/<g class="fleet-on-road"[^>]*><title>[^<]*<\/title><rect x="([\d.-]+)" y="([\d.-]+)" width="([\d.-]+)" height="([\d.-]+)"/g)]
      .map((m) => m.slice(1, 5).map(Number));
    const tags = data.times.flatMap((time) => boxesOf(renderMap(data, { time })));
    expect(tags.length).toBeGreaterThan(0);
    const svg = renderMap(data);
    const labels = [...svg.slice(svg.indexOf('<g class="labels">')).matchAll(/<text x="([\d.-]+)" y="([\d.-]+)" text-anchor="(start|end|middle)">([^<]*)<\/text>/g)];
    // The eight places that may cross marks: the largest by people (settlements) or arrivals (destinations).
    const weights = [...data.settlements.map((p) => ({ name: p.name, weight: p.population })), ...data.destinations.map((d) => ({ name: d.name, weight: d.arrived }))];
    const important = weights.sort((a, b) => b.weight - a.weight).slice(0, 8).map((p) => p.name);
    const covering = labels.filter(([, xs, ys, anchor, shown]) => {
      const w = shown.length * 6.3;
      const left = Number(xs) - (anchor === 'end' ? w : anchor === 'middle' ? w / 2 : 0);
      const top = Number(ys) - 10;
      return tags.some(([x, y, tw, th]) => left < x + tw && x < left + w && top < y + th && y < top + 12);
    }).map(([, , , , shown]) => shown.replace(/…$/, ''));
    for (const name of covering) expect(important.some((n) => n.startsWith(name))).toBe(true);
  });
});

describe('renderMap on a large network', () => {
  it('draws 150,000 roads (more than a call takes arguments)', () => {
    const { scenario, result } = runFixture();
    const data = mapData(result, scenario);
    const road = data.roads[0];
    const roads = Array.from({ length: 150_000 }, (_, k) => ({ ...road, id: `r${k}` }));
    const svg = renderMap({ ...data, roads });
    expect(svg.match(/data-road="r\d+"/g)?.length).toBe(150_000);
  });
});


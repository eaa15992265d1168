// The map keeps room above and below its marks: the lowest place is drawn clear of
// the scale bar and gets its label like any other, and a tall map keeps its scale.
import { expect, test } from 'vitest';
import { mapData } from '../../src/html/map-data.js';
import type { MapData } from '../../src/html/map-data.js';
import { fit, renderMap } from '../../src/html/map.js';
import { loadScenarioFile } from '../../src/scenario/load.js';
import { simulate } from '../../src/simulation/simulate.js';

test("two-towns' southern town, the lowest mark, is labelled and clear of the scale bar", () => {
  const scenario = loadScenarioFile('scenarios/two-towns.json');
  for (const width of [720, 390]) {
    const svg = renderMap(mapData(simulate(scenario), scenario), { width });
    const labels = svg.slice(svg.indexOf('<g class="labels">'), svg.indexOf('<g class="scale-bar"'));
    expect(labels).toContain('>Southvale</text>');
    const height = Number(svg.match(/<svg[^>]* height="([\d.]+)"/)![1]);
    const mark = svg.match(/data-settlement="south"[\s\S]*?<circle cx="[\d.]+" cy="([\d.]+)" r="([\d.]+)"/)!;
    // The scale bar's ticks rise 5 px above its line, 14 px from the bottom.
    expect(Number(mark[1]) + Number(mark[2])).toBeLessThan(height - 19);
  }
});

test('a map as tall as the tallest keeps 568 px for its marks, as before the room was made', () => {
  // Two places 10 km apart north to south: the height binds, 568 px for 10,000 m, and the
  // frame adds 46 px above and below (24 px padding + the 24 px band − 24 + 22 px for a mark).
  const at = (y: number) => ({ at: [0, y] as [number, number], population: 1 });
  const data = { roads: [], settlements: [at(0), at(10_000)], destinations: [] } as unknown as MapData;
  const frame = fit(data, 720);
  expect(frame.k).toBeCloseTo(568 / 10_000, 12);
  expect(frame.height).toBe(568 + 2 * 46);
  expect(frame.project([0, 10_000])[1]).toBeCloseTo(46, 9);
  expect(frame.project([0, 0])[1]).toBeCloseTo(568 + 46, 9);
});

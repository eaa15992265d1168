// The map keeps room above and below its marks: the lowest place is drawn clear of
// the scale bar and gets its label like any other.
import { expect, test } from 'vitest';
import { mapData } from '../../src/html/map-data.js';
import { renderMap } from '../../src/html/map.js';
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

// What a chart's read-out and its CSV give between and beyond a curve's points: a line
// is read where it is drawn (between its points), a step curve and the CSV at the last
// point at or before the instant; nothing before the first point.
import { describe, expect, it } from 'vitest';
import { chartCsv, curveAt } from '../../src/html/browser/download.js';
import type { TimeChart } from '../../src/html/time-chart.js';

const times = [0, 100, 300];
const values = [0, 50, 90];

describe('curveAt', () => {
  it('reads a line between its points, and a step curve at the last point before', () => {
    expect(curveAt(times, values, 200)).toBe(70);
    expect(curveAt(times, values, 200, true)).toBe(50);
    expect(curveAt(times, values, 100)).toBe(50);
  });

  it('gives nothing before the first point and the last value after the last', () => {
    expect(curveAt([10, 20], [1, 2], 5)).toBeNull();
    expect(curveAt(times, values, 1000)).toBe(90);
    expect(curveAt(times, values, 1000, true)).toBe(90);
  });
});

describe('chartCsv', () => {
  it('gives each curve at every instant any curve has, as recorded (no reading between points)', () => {
    const spec: TimeChart = {
      title: 'people', yTitle: 'people', start: null, endTime: 300, series: [
        { label: 'a', color: '#000', times, values },
        { label: 'b', color: '#000', times: [200], values: [7] },
      ],
    };
    expect(chartCsv(spec)).toBe('seconds,a,b\n0,0,\n100,50,\n200,50,7\n300,90,7\n');
  });
});

// The run's warnings in the report and the explorer: escaped, first in the report
// and only when there are some, "None." in the explorer when there are none.
import { describe, expect, it } from 'vitest';
import { warningsList } from '../../src/html/warnings.js';
import { renderReport } from '../../src/html/render-report.js';
import { evaluate } from '../../src/explore/evaluate.js';
import { explorerPage } from '../../src/explore/page.js';
import { rawScenario, runFixture } from './fixtures.js';

/** The fixture with a horizon that ends with people waiting, and an id differing only in case from a settlement named in markup. */
function warned(): Record<string, unknown> {
  const raw = rawScenario();
  raw.horizon = '2h';
  raw.settlements = [...(raw.settlements as object[]), { id: 'S1', name: 'copy', node: 'd', population: 10 }];
  return raw;
}

describe('warningsList', () => {
  it('lists each warning with its path as code, escaping both', () => {
    const html = warningsList([
      { path: 'settlements[0].id', message: '"<b>x</b>" differs only in case & more' },
      { path: '', message: '… and 3 more like these' },
    ]);
    expect(html).toBe(
      '<ul class="warnings"><li><code>settlements[0].id</code>: &quot;&lt;b&gt;x&lt;/b&gt;&quot; differs only in case &amp; more</li>' +
        '<li>… and 3 more like these</li></ul>',
    );
  });

  it('says "None." when there are none', () => {
    expect(warningsList([])).toBe('<p class="muted">None.</p>');
  });
});

describe('the report', () => {
  it("has a Warnings section, first and in the navigation, with the run's warnings", () => {
    const { scenario, result, summary } = runFixture(warned());
    const html = renderReport(result, summary, scenario);
    const main = html.slice(html.indexOf('<main>'));
    expect(main.indexOf('<section id="warnings">')).toBeGreaterThan(0);
    expect(main.indexOf('<section id="warnings">')).toBeLessThan(main.indexOf('<section id="over-time">'));
    expect(html).toContain('<nav><a href="#warnings">warnings</a>');
    expect(html).toContain('<code>settlements[2].id</code>: &quot;S1&quot; differs only in case from settlements[0].id &quot;s1&quot;');
    expect(html).toMatch(/<code>horizon<\/code>: the run ends at the horizon \(2h 0m\) with [\d,]+ people still waiting and [\d,]+ travelling/);
  });

  it('has none when nothing applies', () => {
    const { scenario, result, summary } = runFixture();
    const html = renderReport(result, summary, scenario);
    expect(html).not.toContain('id="warnings"');
    expect(html).not.toContain('href="#warnings"');
  });
});

describe('the explorer', () => {
  it('lists the warnings of each run, "None." when there are none', () => {
    expect(evaluate(warned()).warnings).toMatch(/^<ul class="warnings"><li><code>settlements\[2\]\.id<\/code>.*<li><code>horizon<\/code>: the run ends at the horizon/);
    expect(evaluate(rawScenario()).warnings).toBe('<p class="muted">None.</p>');
  });

  it('has a Warnings panel above the charts for them', () => {
    const page = explorerPage('town');
    expect(page).toContain('<section id="warnings"><h2>Warnings</h2>');
    expect(page.indexOf('id="warnings"')).toBeLessThan(page.indexOf('id="over-time"'));
  });
});

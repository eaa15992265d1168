// The ETE report's Warnings section: first, and only when some apply, with the
// variants' quick warnings as ete prints them and, per variant, the runs that ended
// with people still waiting or travelling, from the runs the study made.
import { describe, expect, it } from 'vitest';
import { runEteStudy } from '../../src/ete/study.js';
import { renderEteReport } from '../../src/html/ete-report.js';
import { settlement } from '../helpers/build.js';
import { town } from '../helpers/town.js';

//   town (60, cars, ready 0–3,600 s) ── 2 km ──► exit
// A 40-minute horizon ends the run before everyone is out; "Town", a settlement that
// differs only in case from "town", is a quick warning.

const section = (page: string) => page.slice(page.indexOf('<section id="warnings">'), page.indexOf('</section>', page.indexOf('<section id="warnings">')));

describe('the ETE report', () => {
  it("lists the variants' warnings and their unfinished runs first, each named by its variant", () => {
    const s = town();
    const short = town({ horizon: 2400 });
    const twin = town({ settlements: [...s.settlements, settlement('Town', 'town', 5, { district: 'D' })] });
    const study = runEteStudy([{ name: 'base', scenario: s }, { name: 'short', scenario: short }, { name: 'twin', scenario: twin }], { zones: [], replications: 2 });
    const page = renderEteReport(study, 'town');
    expect(page.indexOf('<section id="warnings"><h2>Warnings</h2>')).toBeGreaterThan(0);
    expect(page.indexOf('<section id="warnings">')).toBeLessThan(page.indexOf('<section id="ete90">'));
    const warnings = section(page);
    expect(warnings).toContain('the warnings evacsim ete prints for the study');
    expect(warnings).toContain('<li><code>settlements[1].id</code>: &quot;Town&quot; differs only in case from settlements[0].id &quot;town&quot; (in variant &quot;twin&quot;)</li>');
    expect(warnings).toMatch(/<li><code>horizon<\/code>: in 2 of 2 replications of variant &quot;short&quot; the run ends at the horizon \(40m 0s\) with (up to )?\d+ people still waiting/);
    expect(warnings.match(/<li>/g)).toHaveLength(2);
  });

  it('has no Warnings section when nothing applies', () => {
    const page = renderEteReport(runEteStudy([{ name: 'base', scenario: town() }], { zones: [] }), 'town');
    expect(page).not.toContain('id="warnings"');
  });
});

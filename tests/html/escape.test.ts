import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { escapeHtml } from '../../src/html/escape.js';
import { el, text } from '../../src/html/svg.js';
import { renderReport } from '../../src/html/render-report.js';
import { SCRIPT_NAME, runFixture } from './fixtures.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in text and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('leaves no markup character behind, for any text', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      expect(escapeHtml(s)).not.toMatch(/[<>"']/);
    }));
  });

  it('el() escapes attribute values and keeps any text inside a well-formed element', () => {
    fc.assert(fc.property(fc.string(), fc.string(), (title, content) => {
      const svg = el('svg', { 'aria-label': title }, el('text', {}, text(content)));
      expect(XMLValidator.validate(svg)).toBe(true);
    }));
  });
});

describe('renderReport escapes every name from the scenario file', () => {
  const { scenario, result, summary } = runFixture();
  const html = renderReport(result, summary, scenario);

  it('shows a settlement named <script>alert(1)</script> as text', () => {
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain(SCRIPT_NAME);
    expect(html).not.toMatch(/<script>alert/);
  });

  it('has one script element, its own, and no element smuggled in by a name', () => {
    expect(html.match(/<script\b/g)).toEqual(['<script', '<script']);
    expect(html).toContain('<script type="application/json" id="report-data">');
    expect(html).not.toMatch(/<img\b/);
    expect(html).not.toMatch(/<b>Sons/);
    expect(html).not.toMatch(/<em>town/);
    expect(html).toContain('O&#39;Brien &amp; &lt;b&gt;Sons&lt;/b&gt;');
    expect(html).toContain('&lt;title&gt;'.replace('title', '/title'));
  });

  it('keeps the page title closed around an escaped scenario name', () => {
    expect(html).toContain('<title>tiny &lt;em&gt;town&lt;/em&gt;: evacuation report</title>');
  });
});

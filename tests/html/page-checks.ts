// Checks both pages (report and explorer) share in Chromium: sideways overflow,
// the smallest text drawn in an SVG, and a download's bytes.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** How far the page is wider than its viewport, in pixels (0 when it fits). */
export function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** The smallest rendered size, in CSS pixels, of any visible SVG text on the page. */
export function smallestSvgText(page: Page): Promise<number> {
  return page.evaluate(() => {
    let smallest = Infinity;
    for (const node of document.querySelectorAll('svg text')) {
      const t = node as SVGTextElement;
      if (t.getBoundingClientRect().width === 0 || (t.textContent ?? '').trim() === '') continue;
      const svg = t.ownerSVGElement as SVGSVGElement;
      const box = svg.viewBox.baseVal;
      const scale = box !== null && box.width > 0 ? svg.getBoundingClientRect().width / box.width : 1;
      smallest = Math.min(smallest, parseFloat(getComputedStyle(t).fontSize) * scale);
    }
    return smallest;
  });
}

/** Clicks `selector` and returns the file it downloads, with its suggested name. */
export async function downloaded(page: Page, selector: string): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.locator(selector).first().click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Each chart whose y axis title overlaps one of its tick labels, as "chart: label". */
export function yTitleOverlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('svg.chart')) {
      const title = svg.querySelector('.axis-title[transform*="rotate"]');
      if (title === null) continue;
      const a = title.getBoundingClientRect();
      for (const label of svg.querySelectorAll('.grid text')) {
        const b = label.getBoundingClientRect();
        if (Math.min(a.right, b.right) > Math.max(a.left, b.left) && Math.min(a.bottom, b.bottom) > Math.max(a.top, b.top)) {
          out.push(`${svg.getAttribute('aria-label') ?? ''}: ${label.textContent ?? ''}`);
        }
      }
    }
    return out;
  });
}

/** Each chart legend entry that reaches beyond its chart's right edge, as "chart: label". */
export function legendsCut(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const svg of document.querySelectorAll('svg.chart')) {
      const right = svg.getBoundingClientRect().right;
      for (const label of svg.querySelectorAll('.legend text')) {
        if (label.getBoundingClientRect().right > right + 0.5) out.push(`${svg.getAttribute('aria-label') ?? ''}: ${label.textContent ?? ''}`);
      }
    }
    return out;
  });
}

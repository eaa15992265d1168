// Debian's Chromium for the browser tests, driven by playwright-core (which
// downloads no browser of its own). Locally the tests skip when it is not
// installed; under CI they always run, so a missing browser fails them.

import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** True when the browser tests should run. */
export const browserTests = existsSync(CHROMIUM) || Boolean(process.env.CI);
if (!browserTests) console.warn(`skipping the browser tests: ${CHROMIUM} is not installed (apt-get install chromium)`);

/** A headless Chromium that keeps to itself: no sync, no update checks, no background traffic. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
      '--disable-quic', '--disable-component-update', '--disable-sync',
    ],
  });
}

// Runs once before the tests: bundles the browser code from the current sources,
// so the report and explorer tests never read a stale dist/browser/.
import { bundleBrowser } from '../scripts/bundle-browser.mjs';

export default async function setup(): Promise<void> {
  await bundleBrowser();
}

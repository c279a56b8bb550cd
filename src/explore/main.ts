/// <reference lib="dom" />
/*
 * The page's script, bundled for the browser (scripts/build-explore.mjs). The same script is the
 * page's worker: the page hands its own text to a Blob URL, and there, without a document, it
 * answers computation requests instead of building the page.
 */
import { startPage } from './page.js';
import { workerMain } from './runner.js';

export const SCRIPT_ID = 'loss-demo-explore';

if (typeof document === 'undefined') {
  workerMain(self as unknown as Parameters<typeof workerMain>[0]);
} else {
  const script = document.getElementById(SCRIPT_ID)?.textContent ?? undefined;
  const start = (): void => startPage(script);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}

/*
 * Debian's Chromium, driven headless by playwright-core (which downloads no browser), with
 * the flags that keep it off the network and every request routed: anything that is not
 * file:, data: or blob: is blocked and counted, and a test fails if there is one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

/** Without the background-networking flags Chromium reaches out to the network on its own. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** LOSS_DEMO_CHROMIUM, else what `which chromium` finds, else undefined. */
export function findChromium(): string | undefined {
  const given = process.env['LOSS_DEMO_CHROMIUM'];
  if (given) return existsSync(given) ? given : undefined;
  try {
    const found = execFileSync('which', ['chromium'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    return found && existsSync(found) ? found : undefined;
  } catch {
    return existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  }
}

export interface Guarded {
  readonly context: BrowserContext;
  /** Requests blocked (not file:, data: or blob:), by URL. */
  readonly blocked: string[];
  /** Page errors and console errors. */
  readonly errors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

const LOCAL = /^(file|data|blob):/;

/** One headless Chromium with a fresh user-data dir, every request routed and counted. */
export async function launchGuarded(executablePath: string, options: { colorScheme?: 'light' | 'dark'; viewport?: { width: number; height: number } } = {}): Promise<Guarded> {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkdtempSync(join(tmpdir(), 'loss-demo-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath, headless: true, args: CHROMIUM_FLAGS,
    colorScheme: options.colorScheme ?? 'light', viewport: options.viewport ?? { width: 1280, height: 900 },
    serviceWorkers: 'block', offline: true,
  });
  const blocked: string[] = [];
  const errors: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (LOCAL.test(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  // (a request the router never sees, such as a WebSocket, is counted too)
  context.on('request', (req) => {
    if (!LOCAL.test(req.url()) && !blocked.includes(req.url())) blocked.push(req.url());
  });
  const watch = (page: Page): Page => {
    page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
    page.on('console', (msg) => { if (msg.type() === 'error') errors.push(`console: ${msg.text()}`); });
    page.on('websocket', (ws) => blocked.push(ws.url()));
    return page;
  };
  for (const page of context.pages()) watch(page);
  return {
    context, blocked, errors,
    newPage: async () => watch(await context.newPage()),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

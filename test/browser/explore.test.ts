/*
 * The explorer page in a real browser: Debian's Chromium, headless, driven by playwright-core,
 * with no network (every request that is not file:, data: or blob: is blocked and fails the
 * test). Skipped, with one line, when no Chromium is found, unless LOSS_DEMO_BROWSER_TESTS=1
 * (CI), where a missing browser is a failure.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium, launchGuarded, type Guarded } from '../helpers/browser.js';
import { fixture, runCli, SECTION_NAMES, splitSections } from '../helpers/cli.js';
import { cliArgsFor, LINKS, linkFixture } from '../helpers/explore.js';

const chromium = findChromium();
const required = process.env['LOSS_DEMO_BROWSER_TESTS'] === '1';

if (!chromium && !required) {
  process.stdout.write('browser tests skipped: no Chromium found (apt-get install -y chromium, or set LOSS_DEMO_CHROMIUM=/path/to/chromium; LOSS_DEMO_BROWSER_TESTS=1 makes a missing browser a failure)\n');
}

describe.skipIf(!chromium && !required)('explore page in Chromium', () => {
  let browser: Guarded;
  let page: Page;
  let url: string;
  let out: string;
  const dir = mkdtempSync(join(tmpdir(), 'loss-demo-page-'));

  beforeAll(async () => {
    if (!chromium) throw new Error('LOSS_DEMO_BROWSER_TESTS=1 but no Chromium was found (apt-get install -y chromium)');
    out = join(dir, 'loss-demo.html');
    const r = runCli(['explore', '--no-open', '--out', out]);
    expect(r.status).toBe(0);
    url = pathToFileURL(out).href;
    browser = await launchGuarded(chromium);
    page = await browser.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Opens a link and waits for every panel's first output. */
  async function open(hash = ''): Promise<void> {
    await page.goto('about:blank');
    await page.goto(url + hash);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
  }

  async function outputOf(section: string): Promise<string> {
    return page.locator(`[data-section="${section}"] pre[data-output]`).evaluate((el) => el.textContent ?? '');
  }

  /** Sets a field and sends it `change`, as the contract says; resolves when `sections` are done. */
  async function setField(section: string, name: string, value: string, sections: readonly string[] = [section]): Promise<void> {
    const input = page.locator(`[data-section="${section}"] input[name="${name}"]`);
    await input.fill(value);
    await input.dispatchEvent('change');
    for (const s of sections) {
      await page.waitForSelector(`[data-section="${s}"]:is([data-state="ready"], [data-state="error"])`, { timeout: 30_000 });
    }
  }

  it('shows every section exactly as the CLI and PyTorch print it, with no request and no error', async () => {
    await open();
    const expected = splitSections(fixture('cli/seed-42.txt'));
    const panels = await page.locator('[data-section]').evaluateAll((els) => els.map((e) => e.getAttribute('data-section')));
    expect(panels.slice(0, SECTION_NAMES.length)).toEqual([...SECTION_NAMES]);
    for (const [i, name] of SECTION_NAMES.entries()) {
      const text = await outputOf(name);
      expect(text, name).toBe(expected[i]);
      expect(text, name).toBe(runCli(['section', name]).stdout);
    }
    // then the extras, as `loss-demo extras` prints them
    const extras = splitSections(fixture('extras/seed-42.txt'));
    expect(panels.slice(SECTION_NAMES.length)).toEqual(['infonce', 'segmentation']);
    for (const [i, name] of ['infonce', 'segmentation'].entries()) {
      expect(await outputOf(name), name).toBe(extras[i]);
    }
    const firstOutput = await page.evaluate(() => performance.getEntriesByName('loss-demo:first-output')[0]?.startTime ?? -1);
    process.stdout.write(`explore page: first panel output ${firstOutput.toFixed(0)} ms after navigation start\n`);
    expect(firstOutput).toBeGreaterThan(0);
    expect(browser.blocked).toEqual([]);
    expect(browser.errors).toEqual([]);
  });

  it('blocks and counts a request that leaves the machine (the guard itself works)', async () => {
    // (a blank page: the explorer's own Content-Security-Policy would stop these before any request)
    const probe = await browser.newPage();
    await probe.goto('about:blank');
    await probe.evaluate(async () => {
      await fetch('http://127.0.0.1:9/probe').catch(() => undefined);
      await new Promise<void>((done) => {
        const img = new Image();
        img.onerror = img.onload = () => done();
        img.src = 'https://example.invalid/probe.png';
      });
    }).catch(() => undefined);
    await probe.close();
    const seen = browser.blocked.splice(0);
    expect(seen).toEqual(expect.arrayContaining(['http://127.0.0.1:9/probe', 'https://example.invalid/probe.png']));
    browser.errors.splice(0);
  });

  it('labels every input and keeps the contract', async () => {
    const unlabelled = await page.locator('input, select').evaluateAll((els) =>
      els.filter((e) => (e as HTMLInputElement).labels?.length === 0).map((e) => e.outerHTML));
    expect(unlabelled).toEqual([]);
    expect(await page.locator('input[name="seed"]').count()).toBe(1);
    // a flag that several sections take has a field in each
    expect(await page.locator('input[name="noise"]').count()).toBe(5);
  });

  it('draws every figure as SVG, with a readout under the pointer', async () => {
    const svgs = page.locator('[data-section] .figures svg');
    expect(await svgs.count()).toBeGreaterThan(0);
    // the extras' builders are in the registry the page reads: three figures each
    for (const name of ['infonce', 'segmentation']) expect(await page.locator(`[data-section="${name}"] .figures svg`).count(), name).toBe(3);
    // drawn: a box on the page, and marks for its data (series paths, bars or a heatmap's cells)
    const undrawn = await svgs.evaluateAll((els) => els.filter((svg) => {
      const box = svg.getBoundingClientRect();
      const marks = svg.querySelectorAll('[data-series], rect, image');
      const emptyPaths = [...svg.querySelectorAll('path[data-series]')].filter((p) => !p.getAttribute('d'));
      return box.width === 0 || box.height === 0 || marks.length === 0 || emptyPaths.length > 0;
    }).map((svg) => svg.getAttribute('aria-label') ?? svg.outerHTML.slice(0, 80)));
    expect(undrawn).toEqual([]);
    const svg = svgs.first();
    await svg.scrollIntoViewIfNeeded();
    // the middle of the plot area, in page pixels, and the value the readout must show there
    const probe = await svg.evaluate((el) => {
      const s = el as SVGSVGElement;
      const [x, y, w, h] = s.getAttribute('data-plot')!.split(' ').map(Number) as [number, number, number, number];
      const p = new DOMPoint(x + w / 2, y + h / 2).matrixTransform(s.getScreenCTM()!);
      const [lo, hi] = s.getAttribute('data-x-domain')!.split(' ').map(Number) as [number, number];
      const mid = s.getAttribute('data-x-scale') === 'log' ? Math.sqrt(lo * hi) : (lo + hi) / 2;
      return { px: p.x, py: p.y, mid, tolerance: Math.abs(hi - lo) / 50 };
    });
    await page.mouse.move(probe.px, probe.py);
    const readout = await page.locator('[data-section] .figures .readout').first().textContent();
    const x = Number(/x = (\S+),/.exec(readout ?? '')?.[1]);
    expect(Math.abs(x - probe.mid)).toBeLessThan(probe.tolerance);
  });

  it('recomputes on a knob change, for every section that takes the flag', async () => {
    // --gamma is taken by focal and segmentation
    await setField('focal', 'gamma', '5', ['focal', 'segmentation']);
    expect(await outputOf('focal')).toBe(fixture('options/focal__gamma=5.txt'));
    expect(await outputOf('segmentation')).toBe(runCli(['section', 'segmentation', '--gamma', '5']).stdout);
    expect(page.url()).toMatch(/#gamma=5$/);
    // --noise is taken by five sections: set in one, it is applied to all, as `all` does
    await setField('triplet', 'noise', '1.5', ['regression', 'contrastive', 'triplet', 'infonce', 'segmentation']);
    expect(await outputOf('triplet')).toBe(fixture('options/triplet__noise=1.5.txt'));
    for (const name of ['regression', 'contrastive', 'infonce']) expect(await outputOf(name)).toBe(runCli(['section', name, '--noise', '1.5']).stdout);
    expect(await outputOf('segmentation')).toBe(runCli(['section', 'segmentation', '--noise', '1.5', '--gamma', '5']).stdout);
    expect(await page.locator('[data-section="regression"] input[name="noise"]').inputValue()).toBe('1.5');
    expect(page.url()).toMatch(/#gamma=5&noise=1\.5$/);
    await page.locator('input[name="seed"]').fill('7');
    await page.locator('input[name="seed"]').dispatchEvent('change');
    await page.waitForFunction(() => [...document.querySelectorAll('[data-section]')].every((p) => p.getAttribute('data-state') === 'ready'));
    expect(await outputOf('focal')).toBe(runCli(['section', 'focal', '--seed', '7', '--gamma', '5']).stdout);
    expect(browser.errors).toEqual([]);
  });

  it.each(LINKS)('opens the link #%s in the state it holds', async (link) => {
    await open(`#${link}`);
    const expected = splitSections(linkFixture(link));
    for (const [i, name] of SECTION_NAMES.entries()) expect(await outputOf(name), name).toBe(expected[i]);
    expect(await outputOf('landscape')).toBe(runCli(cliArgsFor('landscape', link)).stdout);
    expect(await page.locator('input[name="seed"]').inputValue()).toBe(new URLSearchParams(link).get('seed'));
    expect(browser.blocked).toEqual([]);
  });

  it('follows a hash changed while open (a link pasted over the page)', async () => {
    await open('#seed=7');
    await page.evaluate(() => { location.hash = '#seed=123&margin=3'; });
    await page.waitForFunction(() => (document.querySelector<HTMLInputElement>('input[name="seed"]')!.value === '123'));
    await page.waitForFunction(() => [...document.querySelectorAll('[data-section]')].every((p) => p.getAttribute('data-state') === 'ready'));
    expect(await outputOf('triplet')).toBe(runCli(['section', 'triplet', '--seed', '123', '--margin', '3']).stdout);
    expect(await outputOf('regression')).toBe(splitSections(fixture('cli/seed-123.txt'))[0]);
    expect(await page.locator('[data-section="contrastive"] input[name="margin"]').inputValue()).toBe('3');
  });

  it('shows the CLI line for a bad value and keeps the last good output', async () => {
    await open('#seed=7');
    const before = await outputOf('focal');
    await setField('focal', 'gamma', 'abc');
    const panel = page.locator('[data-section="focal"]');
    expect(await panel.getAttribute('data-state')).toBe('error');
    const cli = runCli(['section', 'focal', '--gamma', 'abc']);
    expect(await panel.locator('.status').textContent()).toBe(cli.stderr.trimEnd());
    expect(await outputOf('focal')).toBe(before);
    expect(await panel.locator('input[name="gamma"]').getAttribute('aria-invalid')).toBe('true');
    // a check over several options: the Dice cap
    await setField('dice', 'batch-size', '100000');
    const dice = runCli(['section', 'dice', '--batch-size', '100000']);
    expect(await page.locator('[data-section="dice"] .status').textContent()).toBe(dice.stderr.trimEnd());
    // and back: a good value clears the error
    await setField('focal', 'gamma', '2');
    expect(await panel.getAttribute('data-state')).toBe('ready');
    expect(await outputOf('focal')).toBe(runCli(['section', 'focal', '--seed', '7', '--gamma', '2']).stdout);
    expect(browser.errors).toEqual([]);
  });

  it('computes a heavy Dice batch off the main thread, saying so', async () => {
    await open();
    const states: string[] = [];
    await page.exposeFunction('__recordState', (s: string) => states.push(s));
    await page.evaluate(() => {
      const panel = document.querySelector('[data-section="dice"]')!;
      new MutationObserver(() => (window as unknown as { __recordState(s: string): void }).__recordState(panel.getAttribute('data-state') ?? ''))
        .observe(panel, { attributes: true, attributeFilter: ['data-state'] });
    });
    const dice = page.locator('[data-section="dice"]');
    await dice.locator('input[name="height"]').fill('331');
    await dice.locator('input[name="width"]').fill('2113');
    await dice.locator('input[name="width"]').dispatchEvent('change');
    await dice.locator('input[name="batch-size"]').fill('3');
    await dice.locator('input[name="batch-size"]').dispatchEvent('change');
    // while the worker computes, the page still answers at once
    const t0 = Date.now();
    await page.evaluate(() => 1);
    const answered = Date.now() - t0;
    await page.waitForSelector('[data-section="dice"][data-state="ready"]', { timeout: 60_000 });
    expect(await outputOf('dice')).toBe(fixture('dice-large/s42__3x331x2113.txt'));
    expect(states).toContain('computing');
    expect(answered).toBeLessThan(500);
    expect(browser.errors).toEqual([]);
    expect(browser.blocked).toEqual([]);
  }, 90_000);

  // timing-dependent (a batch must still be computing when the next change comes): on a loaded
  // machine the batch can end first, so it gets two more tries
  it('keeps the other panels going while a heavy batch computes, and a newer value cancels it', { retry: 2 }, async () => {
    await open('#batch-size=8&height=1024&width=1024');
    // (html[data-ready] waits for every panel: the 8 M-element batch included)
    const dice = page.locator('[data-section="dice"]');
    await dice.locator('input[name="smooth"]').fill('1');
    await dice.locator('input[name="smooth"]').dispatchEvent('change');
    await page.waitForSelector('[data-section="dice"][data-state="computing"]');
    await setField('focal', 'gamma', '3');
    expect(await dice.getAttribute('data-state')).toBe('computing');
    expect(await outputOf('focal')).toBe(runCli(['section', 'focal', '--gamma', '3']).stdout);
    // a newer Dice value drops the running batch (its worker is ended) and computes the new one
    await dice.locator('input[name="batch-size"]').fill('2');
    await dice.locator('input[name="batch-size"]').dispatchEvent('change');
    await page.waitForSelector('[data-section="dice"][data-state="ready"]', { timeout: 60_000 });
    expect(await outputOf('dice')).toBe(runCli(['section', 'dice', '--batch-size', '2', '--height', '1024', '--width', '1024', '--smooth', '1']).stdout);
    expect(browser.errors).toEqual([]);
    expect(browser.blocked).toEqual([]);
  }, 120_000);

  /** Every panel's state, status line and output, for the checks that no panel is left blank. */
  async function panelsNow(p: Page): Promise<{ name: string; state: string; status: string; output: string }[]> {
    return p.locator('[data-section]').evaluateAll((els) => els.map((e) => ({
      name: e.getAttribute('data-section') ?? '',
      state: e.getAttribute('data-state') ?? '',
      status: e.querySelector('.status')?.textContent ?? '',
      output: e.querySelector('pre[data-output]')?.textContent ?? '',
    })));
  }

  it('reports a computation that throws in the worker as one line, never an empty panel (the CSP without unsafe-eval)', async () => {
    // the failure we had: a policy that blocks ndarray's new Function makes every view throw an EvalError
    const strict = join(dir, 'strict-csp.html');
    const html = readFileSync(out, 'utf8');
    const policy = /(<meta http-equiv="Content-Security-Policy" content="[^"]*script-src[^;"]*) 'unsafe-eval'/;
    expect(html).toMatch(policy);
    writeFileSync(strict, html.replace(policy, '$1'));
    const p = await browser.newPage();
    await p.goto(pathToFileURL(strict).href);
    await p.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    const panels = await panelsNow(p);
    const failed = panels.filter((x) => x.state === 'error');
    expect(failed.length).toBeGreaterThan(5);
    for (const x of failed) {
      expect(x.status, x.name).toMatch(/^loss-demo: internal error: \S.*$/);
      expect(x.status, x.name).not.toContain('\n');
      // nothing good to keep: the line stands in the output, which is not an empty box
      expect(x.output, x.name).toBe(x.status);
    }
    // a panel that needs no view still prints the CLI's text
    for (const x of panels.filter((q) => q.state !== 'error')) expect(x.output, x.name).toBe(runCli(['section', x.name]).stdout);
    expect(await p.locator('pre[data-output]:empty').count()).toBe(0);
    await p.close();
    browser.errors.splice(0); // (the policy's refusals are logged as console errors)
  });

  it('reports a computation that throws on the main thread as one line and keeps the last good output', async () => {
    const p = await browser.newPage();
    // no workers (the fallback), and a hook that makes the next typed array the core allocates throw
    await p.addInitScript(() => {
      const w = window as unknown as Record<string, unknown>;
      w['Worker'] = undefined;
      for (const name of ['Float32Array', 'Float64Array']) {
        const Real = w[name] as new (...a: unknown[]) => object;
        w[name] = new Proxy(Real, {
          construct(target, args, newTarget) {
            if (w['__lossDemoFault']) throw new Error('injected fault');
            return Reflect.construct(target, args, newTarget) as object;
          },
        });
      }
    });
    const shared = page;
    page = p;
    try {
      await p.goto(url + '#seed=7');
      await p.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
      const before = await outputOf('focal');
      expect(before).toBe(runCli(['section', 'focal', '--seed', '7']).stdout);
      await p.evaluate(() => { (window as unknown as Record<string, unknown>)['__lossDemoFault'] = true; });
      await setField('focal', 'gamma', '5', ['focal', 'segmentation']);
      const focal = p.locator('[data-section="focal"]');
      expect(await focal.getAttribute('data-state')).toBe('error');
      expect(await focal.locator('.status').textContent()).toBe('loss-demo: internal error: injected fault');
      expect(await outputOf('focal')).toBe(before);
      // the status is a polite live region: the line is announced
      expect(await focal.locator('.status').getAttribute('aria-live')).toBe('polite');
      await p.evaluate(() => { (window as unknown as Record<string, unknown>)['__lossDemoFault'] = false; });
      await setField('focal', 'gamma', '2');
      expect(await focal.getAttribute('data-state')).toBe('ready');
      expect(await outputOf('focal')).toBe(runCli(['section', 'focal', '--seed', '7', '--gamma', '2']).stdout);
    } finally {
      page = shared;
      await p.close();
    }
    expect(browser.errors).toEqual([]);
  });

  it('names every figure, shows the focus, and reads a figure out from the keyboard', async () => {
    await open();
    const figures = await page.locator('[data-section] .figures svg').evaluateAll((els) => els.map((svg) => ({
      role: svg.getAttribute('role'), label: svg.getAttribute('aria-label') ?? '', title: svg.querySelector('title')?.textContent ?? '',
      tabindex: svg.getAttribute('tabindex'),
    })));
    expect(figures.length).toBeGreaterThanOrEqual(9);
    for (const f of figures) {
      expect(f.role).toBe('img');
      expect(f.label).not.toBe('');
      expect(f.title).toBe(f.label);
      expect(f.tabindex).toBe('0');
    }
    // keyboard focus is drawn (an outline, not the browser's none)
    await page.locator('input[name="seed"]').focus();
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const el = document.activeElement!;
      return { tag: el.tagName, style: getComputedStyle(el).outlineStyle, width: getComputedStyle(el).outlineWidth };
    });
    expect(outline.tag).toBe('SELECT');
    expect(outline.style).toBe('solid');
    expect(outline.width).toBe('3px');
    // a figure takes the focus, and the arrows move a probe whose value the readout announces politely
    const svg = page.locator('[data-section="focal"] .figures svg').first();
    const readout = page.locator('[data-section="focal"] .figures .readout').first();
    expect(await readout.getAttribute('aria-live')).toBe('polite');
    expect(await svg.getAttribute('aria-describedby')).toBe(await readout.getAttribute('id'));
    await svg.focus();
    const mid = Number(/x = (\S+),/.exec((await readout.textContent()) ?? '')?.[1]);
    await page.keyboard.press('ArrowRight');
    const right = Number(/x = (\S+),/.exec((await readout.textContent()) ?? '')?.[1]);
    const [lo, hi] = (await svg.getAttribute('data-x-domain'))!.split(' ').map(Number) as [number, number];
    expect(Math.abs(mid - (lo + hi) / 2)).toBeLessThan((hi - lo) / 50);
    expect(Math.abs(right - mid - (hi - lo) / 20)).toBeLessThan((hi - lo) / 50);
    expect(await svg.locator('.probe').count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await svg.locator('.probe').count()).toBe(0);
  });

  it('fits a phone: no sideways scrolling, figures within their panels, wide text scrolls in its box', async () => {
    const p = await browser.newPage();
    await p.setViewportSize({ width: 390, height: 844 });
    await p.goto(url);
    await p.waitForSelector('html[data-ready="true"]', { timeout: 30_000 });
    const fit = await p.evaluate(() => ({
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      wideFigures: [...document.querySelectorAll('.figures svg')].filter((svg) => {
        const panel = svg.closest('.panel')!.getBoundingClientRect();
        const box = svg.getBoundingClientRect();
        return box.left < panel.left || box.right > panel.right || box.height < box.width * 0.8;
      }).map((svg) => svg.getAttribute('aria-label')),
      // the regression output's long line: the <pre> scrolls, the panel does not grow
      pre: (() => {
        const pre = document.querySelector<HTMLElement>('[data-section="regression"] pre[data-output]')!;
        return { scrolls: pre.scrollWidth > pre.clientWidth, style: getComputedStyle(pre).overflowX, fits: pre.getBoundingClientRect().right <= window.innerWidth };
      })(),
    }));
    expect(fit).toEqual({ overflow: 0, wideFigures: [], pre: { scrolls: true, style: 'auto', fits: true } });
    await p.close();
    expect(browser.errors).toEqual([]);
  });

  /** [hash, what is checked]: the hash is untrusted input, shown only as values and text. */
  const HOSTILE: [string, string, string[]][] = [
    // [hash, panel whose status is checked (or 'global'), the CLI command whose stderr it must equal]
    ['#gamma=<script>window.__pwned=1</script>', 'focal', ['section', 'focal', '--gamma', '<script>window.__pwned=1</script>']],
    ['#gamma=%22%3E%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E', 'focal', ['section', 'focal', '--gamma', '"><img src=x onerror="window.__pwned=1">']],
    ['#rng=%22%3E%3Cimg%20src%3Dx%20onerror%3Dwindow.__pwned%3D1%3E', 'triplet', ['section', 'triplet', '--rng', '"><img src=x onerror=window.__pwned=1>']],
    [`#seed=${'9'.repeat(5000)}`, 'regression', ['section', 'regression', '--seed', '9'.repeat(5000)]],
    [`#margin=${'<b>'.repeat(1700)}`, 'contrastive', ['section', 'contrastive', '--margin', '<b>'.repeat(1700)]],
    ['#%3Cscript%3Ewindow.__pwned%3D1%3C%2Fscript%3E=1', 'global', ['all', '--<script>window.__pwned=1</script>', '1']],
    ['#bogus=1&gamma=3', 'global', ['all', '--bogus', '1']],
    ['#gamma=%E0%A4%A', 'focal', ['section', 'focal', '--gamma', '%E0%A4%A']],
  ];

  const hostile = HOSTILE.map(([hash, where, args]) => ({ hash, where, args, label: hash.length > 70 ? `${hash.slice(0, 24)}… (${hash.length} chars)` : hash }));
  it.each(hostile)('shows the hash $label only as text, with the CLI line', async ({ hash, where, args }) => {
    await open(hash);
    const cli = runCli(args);
    expect(cli.status).toBe(2);
    const line = cli.stderr.trimEnd();
    expect(line).not.toContain('\n');
    const status = where === 'global' ? page.locator('#global-status') : page.locator(`[data-section="${where}"] .status`);
    expect(await status.textContent()).toBe(line);
    if (where !== 'global') expect(await page.locator(`[data-section="${where}"]`).getAttribute('data-state')).toBe('error');
    const injected = await page.evaluate(() => ({
      pwned: (window as unknown as Record<string, unknown>)['__pwned'],
      nodes: document.querySelectorAll('img, iframe, object, embed, b, [onerror], [onload]').length,
      scripts: document.scripts.length,
      // a long line wraps inside its panel: the page never scrolls sideways
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    }));
    expect(injected).toEqual({ pwned: undefined, nodes: 0, scripts: 1, overflow: 0 });
    expect(browser.errors).toEqual([]);
    expect(browser.blocked).toEqual([]);
  });

  it('reads repeated keys as the CLI does (the last wins) and decodes percent-encoding', async () => {
    await open('#gamma=1&gamma=5&margin=%32');
    expect(await outputOf('focal')).toBe(fixture('options/focal__gamma=5.txt'));
    expect(await outputOf('focal')).toBe(runCli(['section', 'focal', '--gamma', '1', '--gamma', '5']).stdout);
    expect(await outputOf('triplet')).toBe(runCli(['section', 'triplet', '--margin', '2']).stdout);
    expect(await page.locator('[data-section="focal"] input[name="gamma"]').inputValue()).toBe('5');
    expect(await page.locator('#all-command').textContent()).toBe('loss-demo all --gamma 5 --margin 2');
  });
});

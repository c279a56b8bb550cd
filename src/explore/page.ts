/// <reference lib="dom" />
/*
 * The explorer page: a seed and rng, then one panel per section with its knobs (from the
 * sections' own option declarations), its text exactly as `loss-demo section` prints it, and its
 * figures as SVG. State lives in the URL hash. The contract for tests and scripts:
 * `[data-section=NAME]` panels, `pre[data-output]`, `input[name=FLAG]`, `input[name=seed]`, and a
 * `change` event on an input recomputes. A panel's `data-state` is pending, computing, ready or error.
 */
import type { Figure } from '../figure/model.js';
import { renderFigureSvg } from '../render/plot-svg.js';
import { RNG_NAMES } from '../rng/index.js';
import type { OptionDef, SectionDef } from '../sections/types.js';
import type { PanelRequest, PanelResult } from './compute.js';
import { DEFAULT_RNG, DEFAULT_SEED, formatHash, parseHash } from './hash.js';
import { invert, plotMaps, readoutNumber } from './readout.js';
import { internalError, Runner } from './runner.js';
import { allowedText, flagTakers, PAGE_SECTIONS } from './sections.js';

/** How long a panel may compute before it says so (shorter runs would only flicker). */
const COMPUTING_AFTER_MS = 80;

interface Panel {
  readonly def: SectionDef;
  readonly root: HTMLElement;
  readonly output: HTMLPreElement;
  readonly status: HTMLElement;
  readonly command: HTMLElement;
  readonly figures: HTMLElement;
  readonly inputs: Map<string, HTMLInputElement>;
  generation: number;
  hasOutput: boolean;
  /** The figures last drawn, redrawn when the panel's width changes. */
  shown: readonly Figure[];
  drawnWidth: number;
}

interface State {
  seed: string;
  rng: string;
  /** Flags set on the page or by the link, by flag, in the order given. */
  flags: Map<string, string>;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A shell word for the command lines shown (values come from the user: quoted when needed). */
function shellWord(s: string): string {
  return /^[\w.,+\-=/:@%]+$/.test(s) ? s : `'${s.replace(/'/g, "'\\''")}'`;
}

/**
 * ArrowUp/ArrowDown on a number field: one step in its last written digit (`0.25` moves by 0.01,
 * `5` by 1), ten with Shift; list fields and text that is not a plain number are left alone.
 */
export function stepped(raw: string, direction: 1 | -1, big: boolean): string | undefined {
  const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?\s*$/.exec(raw);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
  const decimals = (m[3] ?? '').length;
  const scaled = BigInt(`${m[1]}${m[2] || '0'}${m[3] ?? ''}`) + BigInt(direction * (big ? 10 : 1));
  const negative = scaled < 0n;
  const digits = (negative ? -scaled : scaled).toString().padStart(decimals + 1, '0');
  const whole = digits.slice(0, digits.length - decimals);
  const frac = digits.slice(digits.length - decimals);
  return `${negative ? '-' : ''}${whole}${decimals > 0 || raw.includes('.') ? `.${frac}` : ''}`;
}

function nearestIndex(values: readonly number[], v: number): number {
  let best = -1;
  for (let i = 0; i < values.length; i++) {
    if (best === -1 || Math.abs(values[i]! - v) < Math.abs(values[best]! - v)) best = i;
  }
  return best;
}

/** What the figure holds at a point: a heatmap's cell value, or a bar chart's category and bars. */
export function dataUnder(fig: Figure, x: number, y: number): string {
  if (fig.kind === 'heatmap' && fig.grid) {
    const i = nearestIndex(fig.grid.x, x);
    const j = nearestIndex(fig.grid.y, y);
    const v = fig.grid.values[j]?.[i];
    return v === undefined ? '' : `; ${fig.grid.label} = ${readoutNumber(v)}`;
  }
  if (fig.kind === 'bars' && fig.categories) {
    const c = Math.round(x);
    const name = fig.categories[c];
    if (name === undefined) return '';
    const bars = fig.series.map((s) => {
      const p = s.points.find((q) => q[0] === c);
      return p ? `${s.name} = ${readoutNumber(p[1])}` : undefined;
    }).filter((b) => b !== undefined);
    return `; ${name}${bars.length ? `: ${bars.join(', ')}` : ''}`;
  }
  return '';
}

export function startPage(scriptText: string | undefined): void {
  const takers = flagTakers();
  const runner = new Runner(scriptText);
  const panels: Panel[] = [];
  const state: State = { seed: DEFAULT_SEED, rng: DEFAULT_RNG, flags: new Map() };
  let firstOutput = false;
  let initialPending = 0;
  /** Readouts made so far, for their ids (a redraw makes new ones). */
  let readouts = 0;

  const seedInput = document.querySelector<HTMLInputElement>('input[name="seed"]')!;
  const rngSelect = document.querySelector<HTMLSelectElement>('select[name="rng"]')!;
  const globalStatus = document.getElementById('global-status')!;
  const allCommand = document.getElementById('all-command')!;
  const main = document.getElementById('panels')!;
  const toc = document.getElementById('toc')!;

  for (const name of RNG_NAMES) rngSelect.append(el('option', { value: name }, name));

  // ---- building the panels ----
  for (const def of PAGE_SECTIONS) {
    const id = `s-${def.name}`;
    const root = el('section', { class: 'panel', id, 'data-section': def.name, 'data-state': 'pending', 'aria-labelledby': `${id}-h` });
    const h2 = el('h2', { id: `${id}-h` }, def.title);
    const command = el('code', { class: 'command' });
    const knobs = el('div', { class: 'knobs' });
    const inputs = new Map<string, HTMLInputElement>();
    for (const option of def.options) knobs.append(knob(def, option, id, inputs));
    if (def.options.length === 0) knobs.append(el('p', { class: 'muted' }, 'This section takes no options; the seed does not change it.'));
    const status = el('p', { id: `${id}-status`, class: 'status', role: 'status', 'aria-live': 'polite', 'data-error': '' });
    const output = el('pre', { 'data-output': '', tabindex: '0', 'aria-label': `Output of ${def.title}` });
    const figures = el('div', { class: 'figures' });
    const body = el('div', { class: 'body' });
    body.append(output, figures);
    root.append(h2, el('p', { class: 'cmdline' }, '$ '), knobs, status, body);
    root.querySelector('.cmdline')!.append(command);
    main.append(root);
    const link = el('a', { href: `#${id}` }, def.number === null ? def.name : `${def.number} ${def.name}`);
    // the table of contents moves the focus, never the state in the hash
    link.addEventListener('click', (e) => {
      e.preventDefault();
      root.scrollIntoView({ behavior: 'smooth', block: 'start' });
      output.focus({ preventScroll: true });
    });
    toc.append(el('li'));
    toc.lastElementChild!.append(link);
    panels.push({ def, root, output, status, command, figures, inputs, generation: 0, hasOutput: false, shown: [], drawnWidth: 0 });
  }

  function knob(def: SectionDef, option: OptionDef, id: string, inputs: Map<string, HTMLInputElement>): HTMLElement {
    const wrap = el('div', { class: 'knob' });
    const inputId = `${id}-${option.flag}`;
    const shared = (takers.get(option.flag)?.sections ?? []).filter((s) => s !== def).map((s) => s.name);
    const label = el('label', { for: inputId }, `--${option.flag}`);
    const input = el('input', {
      id: inputId, name: option.flag, type: 'text', autocomplete: 'off',
      spellcheck: 'false', 'aria-describedby': `${inputId}-help`, 'data-default': option.defaultText,
    });
    input.value = option.defaultText;
    const help = el('small', { id: `${inputId}-help` },
      `${option.description}; ${allowedText(option).replace(/^expected /, '')}; default ${option.defaultText}`
      + (shared.length ? `; also sets ${shared.join(', ')}` : ''));
    input.addEventListener('change', () => setFlag(option.flag, input.value));
    input.addEventListener('keydown', (e) => onKey(e, input));
    inputs.set(option.flag, input);
    wrap.append(label, input, help);
    return wrap;
  }

  function onKey(e: KeyboardEvent, input: HTMLInputElement): void {
    if (e.key === 'Enter') {
      e.preventDefault();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return;
    }
    if (e.key !== 'ArrowUp' && e.key !== 'ArrowDown') return;
    const next = stepped(input.value, e.key === 'ArrowUp' ? 1 : -1, e.shiftKey);
    if (next === undefined) return;
    e.preventDefault();
    input.value = next;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }

  // ---- state ----
  function isDefault(flag: string, raw: string): boolean {
    const entry = takers.get(flag);
    return entry !== undefined && entry.sections.every((s) => s.options.find((o) => o.flag === flag)!.defaultText === raw);
  }

  function setFlag(flag: string, raw: string): void {
    if (isDefault(flag, raw)) state.flags.delete(flag);
    else state.flags.set(flag, raw);
    // a flag is applied as `loss-demo all` applies it: to every section that takes it
    for (const p of panels) {
      const input = p.inputs.get(flag);
      if (!input) continue;
      if (input.value !== raw) input.value = raw;
      recompute(p);
    }
    stateChanged();
  }

  function stateChanged(): void {
    const hash = formatHash(state);
    if (hash !== location.hash && !(hash === '' && location.hash === '')) {
      history.replaceState(null, '', hash === '' ? location.pathname + location.search : hash);
    }
    const words = ['loss-demo', 'all'];
    if (state.seed !== DEFAULT_SEED) words.push('--seed', shellWord(state.seed));
    if (state.rng !== DEFAULT_RNG) words.push('--rng', shellWord(state.rng));
    for (const [flag, raw] of state.flags) words.push(`--${flag}`, shellWord(raw));
    allCommand.textContent = words.join(' ');
    const unknown = [...state.flags.keys()].filter((f) => !takers.has(f));
    // commander's message for a flag no section takes
    globalStatus.textContent = unknown.length ? `loss-demo: unknown option '--${unknown[0]}'` : '';
  }

  function loadHash(): void {
    const parsed = parseHash(location.hash);
    state.seed = parsed.seed;
    state.rng = parsed.rng;
    state.flags = new Map(parsed.flags);
    seedInput.value = state.seed;
    rngSelect.value = state.rng;
    if (rngSelect.value !== state.rng) {
      // an rng name the list does not have: shown as given, so its error names it
      rngSelect.append(el('option', { value: state.rng, 'data-invalid': '' }, state.rng));
      rngSelect.value = state.rng;
    }
    for (const p of panels) {
      for (const [flag, input] of p.inputs) input.value = state.flags.get(flag) ?? input.dataset['default']!;
    }
    stateChanged();
  }

  // ---- computing ----
  function requestFor(p: Panel): PanelRequest {
    const flags: Record<string, string> = {};
    for (const flag of p.inputs.keys()) {
      const raw = state.flags.get(flag);
      if (raw !== undefined) flags[flag] = raw;
    }
    return { section: p.def.name, seed: state.seed, rng: state.rng, flags, figures: true };
  }

  /** The panel's command line: what `loss-demo` prints the panel's text for. */
  function showCommand(p: Panel): void {
    const words = ['loss-demo', 'section', p.def.name];
    if (state.seed !== DEFAULT_SEED) words.push('--seed', shellWord(state.seed));
    if (state.rng !== DEFAULT_RNG) words.push('--rng', shellWord(state.rng));
    for (const flag of p.inputs.keys()) {
      const raw = state.flags.get(flag);
      if (raw !== undefined) words.push(`--${flag}`, shellWord(raw));
    }
    p.command.textContent = words.join(' ');
  }

  function recompute(p: Panel): void {
    const generation = ++p.generation;
    showCommand(p);
    p.root.dataset['state'] = 'pending';
    p.root.setAttribute('aria-busy', 'true');
    const slow = setTimeout(() => {
      if (p.generation !== generation) return;
      p.root.dataset['state'] = 'computing';
      p.status.className = 'status computing';
      p.status.textContent = runner.threaded ? 'computing…' : 'computing… (on the page’s thread)';
    }, COMPUTING_AFTER_MS);
    void runner.run(requestFor(p)).then((result) => {
      clearTimeout(slow);
      if (result === undefined || p.generation !== generation) return;
      show(p, result);
    }, (err: unknown) => {
      clearTimeout(slow);
      if (p.generation === generation) show(p, { ok: false, error: internalError(err) });
    });
  }

  /**
   * A result on the panel, never a silent blank: a failure while drawing it (a figure the renderer
   * chokes on) is reported as the CLI reports a bug, as one line of text in the panel.
   */
  function show(p: Panel, result: PanelResult): void {
    try {
      showResult(p, result);
    } catch (err) {
      showResult(p, { ok: false, error: internalError(err) });
    }
    settled(result.ok);
  }

  function showResult(p: Panel, result: PanelResult): void {
    p.root.removeAttribute('aria-busy');
    for (const input of p.inputs.values()) input.removeAttribute('aria-invalid');
    seedInput.removeAttribute('aria-invalid');
    if (!result.ok) {
      // the last good output stays; the CLI's line says what is wrong
      p.root.dataset['state'] = 'error';
      p.status.className = 'status error';
      p.status.textContent = result.error;
      const bad = result.flag === 'seed' ? seedInput : result.flag ? p.inputs.get(result.flag) : undefined;
      bad?.setAttribute('aria-invalid', 'true');
      bad?.setAttribute('aria-errormessage', p.status.id);
      // no good output to keep (the first run failed): the line stands in the output too, so the
      // panel is never an empty box
      if (!p.hasOutput) p.output.textContent = result.error;
    } else {
      drawFigures(p, result.figures);
      p.output.textContent = result.text;
      p.hasOutput = true;
      p.status.className = 'status';
      p.status.textContent = '';
      p.root.dataset['state'] = 'ready';
    }
  }

  function settled(ok: boolean): void {
    if (!firstOutput && ok) {
      firstOutput = true;
      performance.mark('loss-demo:first-output');
    }
    if (initialPending > 0 && --initialPending === 0) {
      performance.mark('loss-demo:all-output');
      document.documentElement.dataset['ready'] = 'true';
    }
  }

  // ---- figures ----
  /** Figures are drawn at the width they are shown, so their text keeps its size on a phone. */
  function figureWidth(p: Panel): number {
    const available = p.figures.clientWidth;
    return Math.round(Math.max(280, Math.min(560, available)));
  }

  /**
   * Wide figures are 0.62 of their width; on a phone that leaves a heatmap a strip once the
   * title, legend rows and notes (which keep their size) are placed, so narrow ones are taller.
   */
  function figureHeight(width: number): number {
    return Math.round(width * (width < 480 ? 0.95 : 0.62));
  }

  function drawFigures(p: Panel, figures: readonly Figure[]): void {
    // (the layout gives the figures a column of their own first, then they are drawn to its width)
    p.figures.parentElement!.classList.toggle('with-figures', figures.length > 0);
    const width = figureWidth(p);
    const nodes = figures.map((fig) => {
      const figure = el('figure', { class: 'figure' });
      // our renderer's text only (values from the URL never reach markup): parsed as SVG, not HTML
      const doc = new DOMParser().parseFromString(renderFigureSvg(fig, { width, height: figureHeight(width) }), 'image/svg+xml');
      // (a renderer bug that gives malformed SVG shows as a missing figure, not as a parser's error page)
      if (doc.documentElement.localName !== 'svg' || doc.getElementsByTagName('parsererror').length > 0) return undefined;
      const svg = document.importNode(doc.documentElement, true) as unknown as SVGSVGElement;
      svg.removeAttribute('width');
      svg.removeAttribute('height');
      // (the renderer gives role="img", the title as aria-label and a <title>; the keys below make it a control too)
      svg.setAttribute('tabindex', '0');
      svg.setAttribute('aria-roledescription', 'figure');
      const readoutId = `${p.root.id}-readout-${++readouts}`;
      svg.setAttribute('aria-describedby', readoutId);
      // polite: the value under the keyboard probe is read out without interrupting
      const readout = el('output', { class: 'readout', id: readoutId, 'aria-live': 'polite' }, ' ');
      svg.addEventListener('pointermove', (e) => pointerReadout(svg, readout, e, fig));
      svg.addEventListener('pointerleave', () => { readout.textContent = ' '; });
      keyboardProbe(svg, readout, fig);
      figure.append(svg, readout);
      // the note is drawn in the SVG, which a screen reader treats as one image: said again here
      if (fig.note) figure.append(el('figcaption', { class: 'sr-only' }, fig.note));
      return figure;
    });
    p.figures.replaceChildren(...nodes.filter((n) => n !== undefined));
    p.shown = figures;
    p.drawnWidth = width;
  }

  function pointerReadout(svg: SVGSVGElement, readout: HTMLElement, e: PointerEvent, fig: Figure): void {
    const ctm = svg.getScreenCTM();
    if (!ctm) return;
    readAt(svg, readout, fig, new DOMPoint(e.clientX, e.clientY).matrixTransform(ctm.inverse()));
  }

  /**
   * The keyboard's pointer: focus puts a probe at the plot's centre, the arrows move it a
   * twentieth of the plot (Shift: a fifth), Home/End go to the left and right edges, Escape hides it.
   */
  function keyboardProbe(svg: SVGSVGElement, readout: HTMLElement, fig: Figure): void {
    const ns = 'http://www.w3.org/2000/svg';
    const probe = document.createElementNS(ns, 'g');
    probe.setAttribute('class', 'probe');
    probe.setAttribute('aria-hidden', 'true');
    const v = document.createElementNS(ns, 'path');
    const h = document.createElementNS(ns, 'path');
    const dot = document.createElementNS(ns, 'circle');
    dot.setAttribute('r', '4');
    probe.append(v, h, dot);
    let at: { x: number; y: number } | undefined;
    const place = (x: number, y: number): void => {
      const maps = plotMaps((name) => svg.getAttribute(name));
      if (!maps) return;
      const a = maps.area;
      at = { x: Math.min(a.x + a.w, Math.max(a.x, x)), y: Math.min(a.y + a.h, Math.max(a.y, y)) };
      v.setAttribute('d', `M${at.x} ${a.y}V${a.y + a.h}`);
      h.setAttribute('d', `M${a.x} ${at.y}H${a.x + a.w}`);
      dot.setAttribute('cx', String(at.x));
      dot.setAttribute('cy', String(at.y));
      if (!probe.isConnected) svg.append(probe);
      readAt(svg, readout, fig, at);
    };
    svg.addEventListener('focus', () => {
      const maps = plotMaps((name) => svg.getAttribute(name));
      if (maps) place(at?.x ?? maps.area.x + maps.area.w / 2, at?.y ?? maps.area.y + maps.area.h / 2);
    });
    svg.addEventListener('blur', () => probe.remove());
    svg.addEventListener('keydown', (e) => {
      const maps = plotMaps((name) => svg.getAttribute(name));
      if (!maps || !at) return;
      const step = e.shiftKey ? 5 : 20;
      const dx = maps.area.w / step;
      const dy = maps.area.h / step;
      const moves: Record<string, [number, number]> = {
        ArrowLeft: [at.x - dx, at.y], ArrowRight: [at.x + dx, at.y], ArrowUp: [at.x, at.y - dy], ArrowDown: [at.x, at.y + dy],
        Home: [maps.area.x, at.y], End: [maps.area.x + maps.area.w, at.y],
      };
      const move = moves[e.key];
      if (move) {
        e.preventDefault();
        place(...move);
      } else if (e.key === 'Escape') {
        probe.remove();
        readout.textContent = ' ';
      }
    });
  }

  function readAt(svg: SVGSVGElement, readout: HTMLElement, fig: Figure, pt: { x: number; y: number }): void {
    const maps = plotMaps((name) => svg.getAttribute(name));
    if (!maps) return;
    const { x, y, w, h } = maps.area;
    if (pt.x < x || pt.x > x + w || pt.y < y || pt.y > y + h) {
      readout.textContent = ' ';
      return;
    }
    const xv = invert(maps.x, pt.x);
    const yv = invert(maps.y, pt.y);
    readout.textContent = `x = ${readoutNumber(xv)}, y = ${readoutNumber(yv)}${dataUnder(fig, xv, yv)}`;
  }

  // ---- wiring ----
  seedInput.addEventListener('change', () => {
    state.seed = seedInput.value;
    stateChanged();
    panels.forEach(recompute);
  });
  seedInput.addEventListener('keydown', (e) => onKey(e, seedInput));
  rngSelect.addEventListener('change', () => {
    state.rng = rngSelect.value;
    stateChanged();
    panels.forEach(recompute);
  });
  let resizing: ReturnType<typeof setTimeout> | undefined;
  window.addEventListener('resize', () => {
    clearTimeout(resizing);
    resizing = setTimeout(() => {
      for (const p of panels) {
        if (!p.shown.length || figureWidth(p) === p.drawnWidth) continue;
        try {
          drawFigures(p, p.shown);
        } catch (err) {
          showResult(p, { ok: false, error: internalError(err) });
        }
      }
    }, 150);
  });
  window.addEventListener('hashchange', () => {
    loadHash();
    panels.forEach(recompute);
  });

  loadHash();
  initialPending = panels.length;
  panels.forEach(recompute);
}

import { describe, expect, it } from 'vitest';
import { fixture, runCli, splitSections } from './helpers/cli.js';

/* `--plot`: the text stays the script's, byte for byte; the figures follow each section. */

const reference = splitSections(fixture('cli/seed-7.txt'));
const columns = (line: string): number => Array.from(line).length;

describe('--plot', () => {
  it('keeps every section\'s text byte-identical and puts its figures after it', () => {
    const r = runCli(['all', '--seed', '7', '--plot']);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
    const sections = splitSections(r.stdout);
    expect(sections).toHaveLength(reference.length);
    sections.forEach((got, i) => {
      expect(got.startsWith(reference[i]!)).toBe(true);
    });
    // the summary has no figures; every other section has at least one after its text
    sections.slice(0, -1).forEach((got, i) => expect(got.length).toBeGreaterThan(reference[i]!.length + 200));
    expect(sections.at(-1)).toBe(reference.at(-1));
    expect(r.stdout).toContain('Focal loss vs p_t (α=0.25)');
    expect(r.stdout).toContain('Rosenbrock landscape');
  });

  it('draws 80 columns when stdout is not a terminal, and --plot-width overrides it', () => {
    const figuresOf = (args: string[], plot: string[]): string[] => {
      const text = runCli(args).stdout;
      const r = runCli([...args, ...plot]);
      expect(r.status).toBe(0);
      return r.stdout.slice(text.length).split('\n');
    };
    const piped = Math.max(...figuresOf(['section', 'regression'], ['--plot']).map(columns));
    expect(piped).toBeLessThanOrEqual(80);
    expect(piped).toBeGreaterThan(70);
    for (const width of [40, 123, 200]) {
      const widths = figuresOf(['section', 'landscape'], ['--plot-width', String(width)]).map(columns);
      expect(Math.max(...widths)).toBeLessThanOrEqual(width);
      expect(Math.max(...widths)).toBeGreaterThan(width - 10);
    }
  });

  it('tells series apart without colour, and colours them with FORCE_COLOR (not with NO_COLOR)', () => {
    const plain = runCli(['section', 'focal', '--plot']).stdout;
    expect(plain).not.toMatch(/\x1b\[/);
    expect(plain).toMatch(/⠒⠒⠒ γ=0\.0 {3}⠒x⠒ γ=1\.0 {3}⠒o⠒ γ=2\.0 {3}⠒◆⠒ γ=5\.0/);
    const coloured = runCli(['section', 'focal', '--plot'], { FORCE_COLOR: '1' }).stdout;
    expect(coloured).toMatch(/\x1b\[/);
    expect(coloured.replace(/\x1b\[[\d;]*m/g, '')).toBe(plain);
    expect(runCli(['section', 'focal', '--plot'], { NO_COLOR: '1' }).stdout).toBe(plain);
  });

  it('gives the figures as data with --format json', () => {
    const r = runCli(['all', '--format', 'json', '--plot']);
    const doc = JSON.parse(r.stdout) as { sections: Array<{ name: string; figures: Array<{ kind: string; title: string }> }> };
    const kinds = Object.fromEntries(doc.sections.map((s) => [s.name, s.figures.map((f) => f.kind)]));
    expect(kinds).toEqual({
      regression: ['lines', 'lines'],
      'cross-entropy': ['lines'],
      focal: ['lines'],
      'label-smoothing': ['bars', 'lines'],
      contrastive: ['lines'],
      triplet: ['lines', 'lines'],
      dice: ['heatmap', 'heatmap', 'heatmap'],
      multitask: ['lines'],
      landscape: ['heatmap', 'heatmap', 'lines'],
      summary: [],
    });
    // the naive cross-entropy overflows: non-finite values are strings, as elsewhere in the JSON
    expect(JSON.stringify(doc.sections[1]!.figures)).toContain('"inf"');
    // without --plot, no figures key
    expect(runCli(['section', 'focal', '--format', 'json']).stdout).not.toContain('"figures"');
  });

  it('gives the extras\' figures with extras --plot, and as data with --format json', () => {
    const r = runCli(['extras', '--format', 'json', '--plot']);
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as { sections: Array<{ name: string; figures: Array<{ kind: string; title: string }> }> };
    const kinds = Object.fromEntries(doc.sections.map((s) => [s.name, s.figures.map((f) => f.kind)]));
    expect(kinds).toEqual({ infonce: ['lines', 'heatmap', 'lines'], segmentation: ['lines', 'heatmap', 'heatmap'] });
    expect(doc.sections[0]!.figures[0]!.title).toContain('InfoNCE loss vs temperature');
    expect(doc.sections[1]!.figures[0]!.title).toContain('ignores the object');
    // as text, each extra section is the script's, byte for byte, with its figures after it
    const text = splitSections(runCli(['extras', '--plot']).stdout);
    const extras = splitSections(fixture('extras/seed-42.txt'));
    expect(text).toHaveLength(2);
    text.forEach((got, i) => expect(got.startsWith(extras[i]!)).toBe(true));
    expect(text[0]).toContain('Cosine similarity of queries and keys');
    expect(text[1]).toContain('Mask 1: sigmoid(prediction)');
  });

  it('prints the tables, then the figures, with --format table', () => {
    const r = runCli(['section', 'triplet', '--format', 'table', '--plot']);
    const table = runCli(['section', 'triplet', '--format', 'table']).stdout;
    expect(r.stdout.startsWith(table.replace(/\n$/, ''))).toBe(true);
    expect(r.stdout).toContain('Triplet loss vs margin');
  });
});

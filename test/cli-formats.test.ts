import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SECTION_NAMES, fixture, runCli, splitSections } from './helpers/cli.js';

/** The computed values of a full-precision PyTorch output, in print order (the repr tokens). */
function reprValuesOf(fullText: string, fixedText: string): string[] {
  // A computed value is where the full-precision and the default text differ, or a list/float the
  // script prints bare; compare line by line and collect the tokens of the full-precision line.
  const out: string[] = [];
  const a = fullText.split('\n');
  const b = fixedText.split('\n');
  a.forEach((line, i) => {
    if (line !== b[i]) out.push(line);
  });
  return out;
}

describe('--format json', () => {
  const r = runCli(['all', '--format', 'json']);
  const doc = JSON.parse(r.stdout) as {
    seed: number; rng: string;
    sections: Array<{ number: number | null; name: string; title: string; options: Record<string, unknown>; values: Array<{ label: string; value: unknown }> }>;
  };

  it('has the documented schema', () => {
    expect(r.status).toBe(0);
    expect(doc.seed).toBe(42);
    expect(doc.rng).toBe('torch');
    expect(doc.sections.map((s) => s.name)).toEqual([...SECTION_NAMES]);
    expect(doc.sections.map((s) => s.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, null]);
    for (const s of doc.sections) {
      expect(typeof s.title).toBe('string');
      expect(typeof s.options).toBe('object');
      for (const v of s.values) {
        expect(typeof v.label).toBe('string');
        expect(['number', 'string', 'object']).toContain(typeof v.value);
      }
      expect(new Set(s.values.map((v) => v.label)).size).toBe(s.values.length);
    }
    expect(doc.sections[2]!.options).toEqual({ gamma: 2, alpha: 0.25, gammas: [0, 1, 2, 5] });
    expect(doc.sections[7]!.options).toEqual({ 'log-vars': [0, 1] });
  });

  it('every value equals the full-precision text of PyTorch', () => {
    const full = fixture('cli/seed-42-full.txt');
    const text = fixture('cli/seed-42.txt');
    const changed = reprValuesOf(full, text).join('\n');
    for (const s of doc.sections) {
      for (const v of s.values) {
        if (typeof v.value === 'number') {
          // JSON numbers are the exact doubles, so JS's shortest form must appear in PyTorch's text
          // (Python's repr and JS's String agree on the digits; exponents differ only in layout).
          const js = String(v.value);
          const py = js.includes('e') ? js.replace(/e([+-])(\d)$/, 'e$10$2') : js;
          expect(full.includes(py) || full.includes(js), `${s.name}: ${v.label} = ${js}`).toBe(true);
        } else if (typeof v.value === 'string') {
          expect(['nan', 'inf', '-inf']).toContain(v.value);
          expect(changed.includes(v.value) || full.includes(v.value)).toBe(true);
        }
      }
    }
  });

  it('writes NaN as "nan" (the diverged Rosenbrock run)', () => {
    const landscape = doc.sections[8]!;
    expect(landscape.values.filter((v) => v.value === 'nan').length).toBeGreaterThanOrEqual(3);
  });
});

describe('--format table', () => {
  it('shows every section with its values formatted as text mode formats them', () => {
    const r = runCli(['all', '--format', 'table']);
    expect(r.status).toBe(0);
    const expected = fixture('cli/seed-42.txt');
    // Each value cell of the table appears on the matching line of PyTorch's text.
    const cells = [...r.stdout.matchAll(/│ ([^│\n]+?) +│ ([^│\n]+?) +│/g)].map((m) => [m[1]!, m[2]!] as const);
    const values = cells.filter(([label]) => label !== 'value' && !['gamma', 'epsilon', 'margin'].includes(label));
    expect(values.length).toBeGreaterThan(50);
    for (const [label, v] of values) expect(expected.includes(v), `${label}: ${v}`).toBe(true);
    expect(r.stdout).toContain('focal');
    expect(r.stdout).not.toMatch(/\u001b\[/);
  });

  it('honours --precision', () => {
    const r = runCli(['section', 'regression', '--format', 'table', '--precision', 'full']);
    expect(r.stdout).toContain('0.4839426875114441');
  });
});

describe('colour', () => {
  it('is off when stdout is not a TTY', () => {
    expect(runCli(['section', 'focal']).stdout).not.toMatch(/\u001b\[/);
  });
  it('FORCE_COLOR turns it on, and NO_COLOR alone keeps it off', () => {
    expect(runCli(['section', 'focal'], { FORCE_COLOR: '1' }).stdout).toMatch(/\u001b\[/);
    expect(runCli(['section', 'focal'], { NO_COLOR: '1' }).stdout).toBe(splitSections(fixture('cli/seed-42.txt'))[2]);
  });
});

describe('a closed pipe', () => {
  it('ends quietly', async () => {
    const bin = fileURLToPath(new URL('../bin/loss-demo.js', import.meta.url));
    // The reader is gone before the CLI writes its first byte, so its write fails with EPIPE.
    const child = spawn(process.execPath, [bin, 'all'], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});

describe('list', () => {
  it('names the ten sections and the two extras with their options', () => {
    const r = runCli(['list']);
    expect(r.status).toBe(0);
    for (const name of [...SECTION_NAMES, 'infonce', 'segmentation']) expect(r.stdout).toContain(name);
    expect(r.stdout).toContain('--gamma (2.0)');
    expect(r.stdout).toContain('10 (extra)');
    expect(r.stdout).toContain('11 (extra)');
    expect(r.stdout).toContain('--batch-sizes (4,8,16,32)');
    const doc = JSON.parse(runCli(['list', '--format', 'json']).stdout) as Array<{ name: string; number: number | null; extra: boolean; options: Array<{ flag: string; default: string }> }>;
    expect(doc).toHaveLength(12);
    expect(doc[8]!.options.map((o) => o.flag)).toEqual(['--lr', '--steps', '--grid', '--range', '--start']);
    expect(doc.filter((s) => s.extra).map((s) => [s.number, s.name])).toEqual([[10, 'infonce'], [11, 'segmentation']]);
    expect(doc[10]!.options.map((o) => `${o.flag} ${o.default}`)).toEqual(['--temperature 0.1', '--temperatures 0.05,0.1,0.5,1.0', '--noise 2.0', '--batch-sizes 4,8,16,32']);
    expect(doc[11]!.options.map((o) => `${o.flag} ${o.default}`)).toEqual(['--alpha 0.25', '--gamma 2.0', '--dice-weight 0.5', '--noise 2.0', '--sizes 32,16,8,4', '--smooths 1e-6,1.0']);
  });
});

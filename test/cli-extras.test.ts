import { describe, expect, it } from 'vitest';
import { fixture, runCli, splitSections } from './helpers/cli.js';

/*
 * `loss-demo extras` and `section infonce|segmentation|10|11` as a user runs them, against
 * torch_reference.py --extras (test/fixtures/extras, made by test/fixtures/cli/make_fixtures.sh --extras; test/fixtures/options); `section NAME --help`.
 */

describe('extras', () => {
  it('prints what torch_reference.py --extras prints, banner included', () => {
    const r = runCli(['extras']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(fixture('extras/seed-42.txt'));
    expect(r.stdout.endsWith('Extra sections complete!\n' + '='.repeat(60) + '\n')).toBe(true);
  });

  it('--seed and --precision', () => {
    expect(runCli(['extras', '--seed', '-123456789', '--precision', 'full']).stdout).toBe(fixture('extras/seed--123456789-full.txt'));
    expect(runCli(['extras', '--precision', '2']).stdout).toBe(fixture('extras/seed-42-p2.txt'));
  });

  it('an option given to extras applies to every extra section that takes it', () => {
    const r = runCli(['extras', '--noise', '0', '--precision', 'full']);
    expect(r.stdout).toBe(fixture('options/infonce__noise=0-full.txt') + fixture('options/segmentation__noise=0-full.txt'));
  });

  it('section by name and by number prints the reference --section output', () => {
    const [infonce, segmentation] = splitSections(fixture('extras/seed-7.txt'));
    for (const name of ['infonce', '10']) expect(runCli(['section', name, '--seed', '7']).stdout).toBe(infonce);
    for (const name of ['segmentation', '11']) expect(runCli(['section', name, '--seed', '7']).stdout).toBe(segmentation);
  });

  it('--format json: every value, options keyed by flag', () => {
    const doc = JSON.parse(runCli(['extras', '--format', 'json', '--batch-sizes', '4,4']).stdout) as {
      sections: Array<{ number: number; name: string; options: Record<string, unknown>; values: Array<{ label: string; value: unknown }> }>;
    };
    expect(doc.sections.map((s) => [s.number, s.name])).toEqual([[10, 'infonce'], [11, 'segmentation']]);
    const [infonce, segmentation] = doc.sections as [(typeof doc.sections)[0], (typeof doc.sections)[0]];
    expect(infonce.options).toEqual({ temperature: 0.1, temperatures: [0.05, 0.1, 0.5, 1], noise: 2, 'batch-sizes': [4, 4] });
    const byLabel = new Map(infonce.values.map((v) => [v.label, v.value]));
    // the reference's --precision full values (output-extras-seed42-full.txt)
    expect(byLabel.get('InfoNCE Loss')).toBe(0.5104748010635376);
    expect(byLabel.get('N=4')).toBe(0.06648591160774231);
    expect(byLabel.get('N=4 (2)')).toBe(0.06648591160774231);
    expect(byLabel.get('log N (N=4)')).toBe(1.3862943611198906);
    const seg = new Map(segmentation.values.map((v) => [v.label, v.value]));
    expect(seg.get('Mask shape')).toEqual([4, 64, 64]);
    expect(seg.get('8×8: foreground %')).toBe(1.5625);
    expect(seg.get('smooth=1e-06')).toBe(0.9999946355819702);
    expect(new Set(infonce.values.map((v) => v.label)).size).toBe(infonce.values.length);
  });

  it('--format table: one table per sweep', () => {
    const out = runCli(['extras', '--format', 'table']).stdout;
    for (const sweep of ['temperature', 'batch size', 'size', 'smooth']) expect(out).toMatch(new RegExp(`│ ${sweep} +│ loss`));
    expect(out).toContain('0.5105');
  });
});

describe('section NAME --help', () => {
  it('lists the named section\'s options and the common ones only', () => {
    const r = runCli(['section', 'focal', '--help']);
    expect(r.status).toBe(0);
    for (const flag of ['--seed', '--rng', '--precision', '--format', '--gamma', '--alpha', '--gammas', '--help']) expect(r.stdout).toContain(flag);
    for (const flag of ['--delta', '--margin', '--temperature', '--noise', '--dice-weight', '--lr']) expect(r.stdout).not.toContain(`${flag} <`);
    // each described as that section uses it, with its own default
    expect(r.stdout).toMatch(/--gamma <value> +focusing parameter for the easy\/hard comparison\s+\[default: 2\.0;/);
  });

  it('an extra section: its own --noise, not another section\'s', () => {
    const r = runCli(['section', '11', '--help']);
    for (const flag of ['--alpha', '--gamma', '--dice-weight', '--noise', '--sizes', '--smooths']) expect(r.stdout).toContain(`${flag} <`);
    expect(r.stdout).not.toContain('--gammas <');
    expect(r.stdout).toMatch(/--noise <value> +scale of the noise in the predicted logits/);
  });

  it('without a known name: every section\'s options', () => {
    const r = runCli(['section', '--help']);
    for (const flag of ['--delta', '--gamma', '--temperature', '--batch-sizes', '--sizes', '--lr']) expect(r.stdout).toContain(`${flag} <`);
  });
});

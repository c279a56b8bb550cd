import { describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';

/* Usage errors: exit 2, one line on stderr naming the option (or command) and what is allowed, nothing on stdout. */

const BAD: Array<[string[], RegExp]> = [
  [['all', '--seed', 'abc'], /--seed.*'abc'.*integer in \[-2\^63, 2\^64\)/],
  [['all', '--seed', '1.5'], /--seed.*'1.5'/],
  [['all', '--seed', '18446744073709551616'], /--seed.*2\^64/],
  [['all', '--seed', '-9223372036854775809'], /--seed.*-2\^63/],
  [['all', '--seed'], /--seed.*argument missing/],
  [['all', '--rng', 'mersenne'], /--rng.*'mersenne'.*torch, alea/],
  [['all', '--precision', '18'], /--precision.*'18'.*0-17 or 'full'/],
  [['all', '--precision', '-1'], /--precision.*'-1'/],
  [['all', '--format', 'xml'], /--format.*'xml'.*text, table, json/],
  [['list', '--format', 'table'], /--format.*'table'.*text, json/],
  [['section', 'focal', '--gamma', 'abc'], /--gamma.*'abc'.*finite number/],
  [['section', 'focal', '--gamma', 'NaN'], /--gamma.*'NaN'/],
  [['section', 'focal', '--gamma', 'Infinity'], /--gamma.*'Infinity'/],
  [['section', 'focal', '--gamma', '1e999'], /--gamma.*'1e999'/],
  [['section', 'focal', '--gammas', ''], /--gammas.*non-empty/],
  [['section', 'focal', '--gammas', '1,,2'], /--gammas.*'1,,2'/],
  [['section', 'label-smoothing', '--smoothing', '1.5'], /--smoothing.*'1.5'.*\[0, 1\]/],
  [['section', 'label-smoothing', '--smoothings', '0.1,-0.2'], /--smoothings.*\[0, 1\]/],
  [['section', 'landscape', '--steps', '-1'], /--steps.*'-1'/],
  [['section', 'landscape', '--steps', '2.5'], /--steps.*'2.5'.*integer/],
  [['section', 'landscape', '--grid', '0'], /--grid.*'0'/],
  [['section', 'landscape', '--grid', '100000'], /--grid.*'100000'/],
  [['section', 'landscape', '--start', '1'], /--start.*exactly 2/],
  [['section', 'landscape', '--start', '1,2,3'], /--start.*exactly 2/],
  [['section', 'multitask', '--log-vars', 'a,b'], /--log-vars.*'a,b'/],
  [['section', 'dice', '--height', '0'], /--height.*'0'/],
  [['section', 'dice', '--batch-size', '4.5'], /--batch-size.*'4.5'/],
  [['section', 'dice', '--batch-size', '4096', '--height', '4096', '--width', '4096'], /cap/],
  [['section', 'regression', '--gamma', '2'], /--gamma.*regression.*focal/],
  [['section', 'summary', '--margin', '2'], /--margin.*summary.*contrastive, triplet/],
  [['section', 'nope'], /unknown section 'nope'/],
  [['section', '12'], /unknown section '12'.*infonce, segmentation, or a number 1-11/],
  [['section', 'infonce', '--temperature', '0'], /--temperature.*'0'.*finite number > 0/],
  [['section', 'infonce', '--temperature', '-1e-3'], /--temperature.*'-1e-3'.*> 0/],
  [['extras', '--temperatures', '0.1,0'], /--temperatures.*'0.1,0'.*finite numbers > 0/],
  [['extras', '--batch-sizes', '0,4'], /--batch-sizes.*'0,4'.*integers in \[1, 32\]/],
  [['extras', '--batch-sizes', '33'], /--batch-sizes.*'33'.*integers in \[1, 32\]/],
  [['extras', '--batch-sizes', '4.5'], /--batch-sizes.*'4.5'.*integers/],
  [['section', 'segmentation', '--sizes', '65'], /--sizes.*'65'.*integers in \[1, 64\]/],
  [['section', '11', '--sizes', ''], /--sizes.*non-empty/],
  [['extras', '--smooths', '-1'], /--smooths.*'-1'.*finite numbers >= 0/],
  [['extras', '--dice-weight', 'half'], /--dice-weight.*'half'.*finite number/],
  [['section', 'infonce', '--delta', '1'], /--delta.*not taken by section 'infonce'.*regression/],
  [['section', 'segmentation', '--temperature', '1'], /--temperature.*not taken by section 'segmentation'.*infonce/],
  [['extras', '--delta', '1'], /unknown option '--delta'/],
  [['all', '--temperature', '1'], /unknown option '--temperature'/],
  [['section'], /missing required argument/],
  [['all', '--bogus'], /unknown option '--bogus'/],
  [['frobnicate'], /unknown command 'frobnicate'/],
  [['all', 'extra'], /too many arguments|excess|unknown/],
  [['section', 'focal', '--plot-width', '39'], /--plot-width <columns>.*'39'.*integer in \[40, 200\]/],
  [['all', '--plot-width', '201'], /--plot-width.*'201'/],
  [['all', '--plot-width', '80.5'], /--plot-width.*'80.5'.*integer/],
  // a long value is cut to its first 40 characters in the message
  [['section', 'focal', '--gamma', 'x'.repeat(5000)], /^loss-demo: option '--gamma <value>' argument 'x{40}…' is invalid\. expected a finite number$/],
  [['all', '--seed', '7'.repeat(5000)], /^loss-demo: option '--seed <integer>' argument '7{40}…' is invalid/],
  [['section', 'y'.repeat(5000)], /^loss-demo: unknown section 'y{40}…' \(/],
];

describe('bad input', () => {
  it.each(BAD)('%j', (args, message) => {
    const r = runCli(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^loss-demo: /);
    expect(lines[0]).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BIN = fileURLToPath(new URL('../../bin/loss-demo.js', import.meta.url));

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (`npm test` builds first) as a user would, with colour off unless asked. */
export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const base = { ...process.env };
  delete base.FORCE_COLOR;
  delete base.NO_COLOR;
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...base, ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function fixture(path: string): string {
  return readFileSync(new URL(`../fixtures/${path}`, import.meta.url), 'utf8');
}

/** torch_reference.py's split_sections: the output cut at each section header. */
export function splitSections(text: string): string[] {
  const marker = '\n' + '='.repeat(60) + '\n ';
  const starts: number[] = [];
  for (let i = text.indexOf(marker); i !== -1; i = text.indexOf(marker, i + 1)) starts.push(i);
  return starts.map((a, k) => text.slice(a, starts[k + 1] ?? text.length));
}

export const SECTION_NAMES = ['regression', 'cross-entropy', 'focal', 'label-smoothing', 'contrastive',
  'triplet', 'dice', 'multitask', 'landscape', 'summary'] as const;

export const FIXTURE_SEEDS = ['0', '1', '7', '42', '123', '2024', '4294967338', '-1', '-123456789', '9223372036854775808'] as const;

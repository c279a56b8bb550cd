import type { Reporter } from 'vitest/reporters';
import type { RunnerTask } from 'vitest';

function count(tasks: readonly RunnerTask[], acc: { passed: number; failed: number; skipped: number }): void {
  for (const t of tasks) {
    if (t.type === 'suite') {
      count(t.tasks, acc);
      if (t.result?.state === 'fail' && t.tasks.length === 0) acc.failed++;
      continue;
    }
    if (t.result?.state === 'pass') acc.passed++;
    else if (t.result?.state === 'fail') acc.failed++;
    else acc.skipped++;
  }
}

/** Ends the run with the plain 'N passed, N failed' line that CI reads. */
export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTask[] = [], errors: unknown[] = []): void {
    const acc = { passed: 0, failed: errors.length, skipped: 0 };
    count(files, acc);
    process.stdout.write(`\n${acc.passed} passed, ${acc.failed} failed${acc.skipped ? `, ${acc.skipped} skipped` : ''}\n`);
  }
}

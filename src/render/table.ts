import { valuesOf, type Value } from '../report.js';
import type { SectionRun } from '../sections/run.js';
import { newTable } from './cli-table.js';
import type { DrawFigures } from './runs-text.js';
import { formatValue, PLAIN, type Paint, type Precision } from './text.js';

/** One table per section (label, value), and one per sweep (gamma, epsilon, margin). */
/** With `draw`, each section's figures follow its tables. */
export function renderRunsTable(runs: readonly SectionRun[], precision: Precision, c: Paint = PLAIN, draw?: DrawFigures): string {
  const blocks: string[] = [];
  for (const run of runs) {
    const values = valuesOf(run.report);
    const number = run.def.number === null ? '' : `${run.def.number}. `;
    const heading = c.header(`${number}${run.def.name}`) + ` ${run.def.title.replace(/^\d+\. /, '— ')}`;
    const plain = values.filter((v) => v.sweep === undefined);
    const sweeps = new Map<string, Value[]>();
    for (const v of values) if (v.sweep !== undefined) sweeps.set(v.sweep, [...(sweeps.get(v.sweep) ?? []), v]);
    const parts = [heading];
    if (plain.length) {
      const t = newTable([c.strong('value'), c.strong('result')]);
      for (const v of plain) t.push([v.label, c.value(formatValue(v, precision))]);
      parts.push(t.toString());
    }
    for (const [name, rows] of sweeps) {
      const t = newTable([c.strong(name), c.strong('loss')]);
      for (const v of rows) t.push([v.label, c.value(formatValue(v, precision))]);
      parts.push(t.toString());
    }
    if (!plain.length && !sweeps.size) parts.push('(no computed values)');
    const figures = draw ? draw(run) : '';
    blocks.push(parts.join('\n') + (figures ? `\n\n${figures.replace(/\n+$/, '')}` : ''));
  }
  return blocks.join('\n\n') + '\n';
}

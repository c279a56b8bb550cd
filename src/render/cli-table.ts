import { createRequire } from 'node:module';
import type CliTable3 from 'cli-table3';

/** cli-table3, loaded only by the commands that draw tables; no colours of its own (we colour via chalk). */
export function newTable(head: string[]): CliTable3.Table {
  const Table = createRequire(import.meta.url)('cli-table3') as typeof CliTable3;
  return new Table({ head, style: { head: [], border: [] } });
}

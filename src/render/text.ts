import { formatFixed, formatFloatList, formatIntList, formatRepr, formatSize } from '../format/index.js';
import type { Line, SectionReport, Value } from '../report.js';

/** `--precision`: undefined keeps the script's own formats; 'full' is repr; N is N decimals. */
export type Precision = 'full' | number | undefined;

/**
 * Colouring hooks, passed in by the caller (the CLI builds them with chalk when stdout takes
 * colour; the page passes PLAIN), so that no renderer asks the terminal anything. The identity
 * keeps the output byte-identical to the script's.
 */
export interface Paint {
  /** Section headers and table headings. */
  readonly header: (s: string) => string;
  /** Computed values. */
  readonly value: (s: string) => string;
  /** Table column heads. */
  readonly strong: (s: string) => string;
  /** Section names in `list`. */
  readonly name: (s: string) => string;
}

const same = (s: string): string => s;
export const PLAIN: Paint = { header: same, value: same, strong: same, name: same };

const BAR = '='.repeat(60);

/** A value as the script prints it, with `--precision` applied to `{x:.Nf}` values only. */
export function formatValue(v: Value, precision: Precision): string {
  const x = v.value;
  const style = v.style;
  if (typeof x !== 'number') {
    if (style === 'size') return formatSize(x);
    return style === 'int' ? formatIntList(x) : formatFloatList(x);
  }
  if (style === 'int') return String(x);
  if (style === 'float' || style === 'size') return formatRepr(x);
  if (precision === 'full') return formatRepr(x);
  return formatFixed(x, precision ?? style.fixed);
}

export function renderLine(line: Line, precision: Precision, paint: Paint = PLAIN): string {
  return line.map((p) => (typeof p === 'string' ? p : paint.value(formatValue(p, precision)))).join('');
}

/** print_section(title) followed by the section's lines. */
export function renderSectionText(title: string, report: SectionReport, precision: Precision, paint: Paint = PLAIN): string {
  let out = `\n${paint.header(BAR)}\n${paint.header(` ${title}`)}\n${paint.header(BAR)}\n`;
  for (const line of report.lines) out += renderLine(line, precision, paint) + '\n';
  return out;
}

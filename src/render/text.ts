import { formatFixed, formatFloatList, formatIntList, formatRepr, formatSize } from '../format/index.js';
import type { Line, SectionReport, Value } from '../report.js';

/** `--precision`: undefined keeps the script's own formats; 'full' is repr; N is N decimals. */
export type Precision = 'full' | number | undefined;

/** Colouring hooks; the identity (no colour) keeps the output byte-identical to the script's. */
export interface Paint {
  readonly header: (s: string) => string;
  readonly value: (s: string) => string;
}

export const PLAIN: Paint = { header: (s) => s, value: (s) => s };

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

/**
 * What a section computes, apart from how it is shown. A section returns lines; a line is
 * literal text interleaved with labelled values that carry the Python format the script uses.
 * Renderers (src/render) turn reports into the script's exact text, tables or JSON.
 */

/**
 * How the script prints a value:
 * - `{fixed: N}`: an f-string `{x:.Nf}` of a computed value; `--precision` rewrites it.
 * - `'float'`: a Python float printed bare (its repr), e.g. `748.0`; `--precision` leaves it.
 * - `'int'`: a Python int, e.g. `16`.
 * - `'size'`: a shape printed as `torch.Size([4, 64, 64])`.
 * An array value is printed as a Python list of elements in that style.
 */
export type Style = { readonly fixed: number } | 'float' | 'int' | 'size';

export interface Value {
  /** Unique within its section: names the value in tables and JSON. */
  readonly label: string;
  readonly value: number | readonly number[];
  readonly style: Style;
  /** Values of one sweep (gamma, epsilon, margin) share this name: table mode groups them. */
  readonly sweep?: string;
}

export type Part = string | Value;
export type Line = readonly Part[];

export interface SectionReport {
  /** The lines after the section header, as the script prints them ('' is an empty line). */
  readonly lines: readonly Line[];
}

export function value(label: string, v: number | readonly number[], style: Style, sweep?: string): Value {
  return sweep === undefined ? { label, value: v, style } : { label, value: v, style, sweep };
}

/** `{x:.4f}`, the script's usual format for a computed value. */
export function fixed(label: string, v: number, digits = 4): Value {
  return value(label, v, { fixed: digits });
}

export function isValue(part: Part): part is Value {
  return typeof part !== 'string';
}

/** Every value of a report, in print order. */
export function valuesOf(report: SectionReport): Value[] {
  return report.lines.flatMap((line) => line.filter(isValue));
}

/** Labels of a sweep (gamma, epsilon, margin), made unique when the list repeats a value. */
export function uniqueLabels(labels: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return labels.map((l) => {
    const n = (seen.get(l) ?? 0) + 1;
    seen.set(l, n);
    return n === 1 ? l : `${l} (${n})`;
  });
}

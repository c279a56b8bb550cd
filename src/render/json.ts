import { valuesOf } from '../report.js';
import type { SectionRun } from '../sections/run.js';

/** A number as JSON: its exact double (shortest round trip), -0 kept, non-finite as Python names them. */
function jsonNumber(x: number): string {
  if (Number.isNaN(x)) return '"nan"';
  if (x === Infinity) return '"inf"';
  if (x === -Infinity) return '"-inf"';
  return Object.is(x, -0) ? '-0' : String(x);
}

function jsonValue(v: unknown): string {
  if (typeof v === 'number') return jsonNumber(v);
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map(jsonValue).join(', ')}]`;
  if (v !== null && typeof v === 'object') {
    return `{${Object.entries(v).filter(([, x]) => x !== undefined).map(([k, x]) => `${JSON.stringify(k)}: ${jsonValue(x)}`).join(', ')}}`;
  }
  return JSON.stringify(v);
}

/**
 * One document with every computed value at full precision. The seed is written as an exact
 * integer token (JSON allows any size; JavaScript's JSON.parse rounds those above 2^53).
 */
export function renderRunsJson(runs: readonly SectionRun[], seed: bigint, rng: string): string {
  const sections = runs.map((r) => {
    const values = valuesOf(r.report).map((v) => `        {"label": ${JSON.stringify(v.label)}, "value": ${jsonValue(v.value)}}`);
    const fields = [
      `      "number": ${r.def.number === null ? 'null' : r.def.number}`,
      `      "name": ${JSON.stringify(r.def.name)}`,
      `      "title": ${JSON.stringify(r.def.title)}`,
      `      "options": ${jsonValue(Object.fromEntries(r.def.options.map((o) => [o.flag, r.options[o.key]])))}`,
      values.length ? `      "values": [\n${values.join(',\n')}\n      ]` : '      "values": []',
    ];
    // --plot: the figure models, one per line, numbers exact and non-finite values as strings
    if (r.figures) fields.push(r.figures.length ? `      "figures": [\n${r.figures.map((f) => `        ${jsonValue(f)}`).join(',\n')}\n      ]` : '      "figures": []');
    return `    {\n${fields.join(',\n')}\n    }`;
  });
  return `{\n  "seed": ${seed.toString()},\n  "rng": ${JSON.stringify(rng)},\n  "sections": [\n${sections.join(',\n')}\n  ]\n}\n`;
}

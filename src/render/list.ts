import type { SectionDef } from '../sections/types.js';
import { newTable } from './cli-table.js';
import { PLAIN, type Paint } from './text.js';

/** `loss-demo list`: the registry as a table, or as JSON; the extras (not run by `all`) are marked. */
export function renderList(sections: readonly SectionDef[], format: 'text' | 'json', c: Paint = PLAIN): string {
  if (format === 'json') {
    const doc = sections.map((s) => ({
      number: s.number,
      name: s.name,
      title: s.title,
      extra: s.extra === true,
      options: s.options.map((o) => ({ flag: `--${o.flag}`, default: o.defaultText, description: o.description })),
    }));
    return JSON.stringify(doc, null, 2) + '\n';
  }
  const table = newTable(['#', 'name', 'title', 'options (default)'].map((h) => c.strong(h)));
  for (const s of sections) {
    const options = s.options.map((o) => `--${o.flag} (${o.defaultText})`).join('\n') || '–';
    const number = s.number === null ? '–' : String(s.number);
    table.push([s.extra ? `${number} (extra)` : number, c.name(s.name), s.title, options]);
  }
  return table.toString() + '\n';
}

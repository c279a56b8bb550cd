import type { SectionDef } from '../sections/types.js';
import { stdoutColors } from '../cli/color.js';
import type { ListFormat } from '../cli/global-options.js';
import { newTable } from './cli-table.js';

/** `loss-demo list`: the registry as a table, or as JSON. */
export async function renderList(sections: readonly SectionDef[], format: ListFormat): Promise<string> {
  if (format === 'json') {
    const doc = sections.map((s) => ({
      number: s.number,
      name: s.name,
      title: s.title,
      options: s.options.map((o) => ({ flag: `--${o.flag}`, default: o.defaultText, description: o.description })),
    }));
    return JSON.stringify(doc, null, 2) + '\n';
  }
  const c = await stdoutColors();
  const table = newTable(['#', 'name', 'title', 'options (default)'].map((h) => c.bold(h)));
  for (const s of sections) {
    const options = s.options.map((o) => `--${o.flag} (${o.defaultText})`).join('\n') || '–';
    table.push([s.number === null ? '–' : String(s.number), c.cyan(s.name), s.title, options]);
  }
  return table.toString() + '\n';
}

// PLACEHOLDER: replaced by the figures branch at merge
/*
 * Figure builders by section name, each loaded lazily. This stand-in has one: focal's γ sweep,
 * from the values the section itself reports, so the page and its tests draw a real figure.
 */
import type { Figure } from '../figure/model.js';
import type { RunContext } from '../sections/types.js';

export type FigureBuilder = (ctx: RunContext, options: Record<string, unknown>) => Figure[];

export const FIGURES: Readonly<Record<string, () => Promise<FigureBuilder>>> = {
  focal: async () => {
    const { section } = await import('../sections/focal.js');
    const { valuesOf } = await import('../report.js');
    return (ctx, options) => {
      const gammas = options['gammas'] as readonly number[];
      const sweep = valuesOf(section.run(ctx, options)).filter((v) => v.sweep === 'gamma');
      const points = sweep.map((v, i) => [gammas[i]!, v.value as number] as const);
      const figure: Figure = {
        title: 'Focal loss on the easy examples, by γ',
        kind: 'lines',
        x: { label: 'γ' },
        y: { label: 'focal loss' },
        series: [{ name: 'easy examples', points }],
        marks: [{ kind: 'vline', x: options['gamma'] as number, label: 'γ of the comparison' }],
      };
      return [figure];
    };
  },
};

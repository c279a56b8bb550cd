import { formatFixed, formatRepr } from '../format/index.js';
import { crossEntropy } from '../losses/cross-entropy.js';
import { focalLoss } from '../losses/focal.js';
import { floatOption, listOption } from '../options.js';
import { fixed, type Line, uniqueLabels, value } from '../report.js';
import { add, div, mul, sub } from '../tensor/elementwise.js';
import { gatherRows, putRows } from '../tensor/index-ops.js';
import { fromData, type Tensor } from '../tensor/tensor.js';
import { defineSection } from './types.js';

interface Opts {
  readonly gamma: number;
  readonly alpha: number;
  readonly gammas: readonly number[];
}

const BATCH = 8;
const CLASSES = 10;

function compare(title: string, logits: Tensor, targets: readonly number[], alpha: number, gamma: number): Line[] {
  const ce = crossEntropy(logits, targets);
  const focal = focalLoss(logits, targets, { alpha, gamma });
  // (ce - focal) / ce * 100 stays a float32 tensor until printed
  const reduction = mul(div(sub(ce, focal), ce), 100);
  return [
    [`${title}:`],
    [' CE Loss: ', fixed(`${title}: CE Loss`, ce.item())],
    [' Focal Loss: ', fixed(`${title}: Focal Loss`, focal.item())],
    [' Reduction: ', fixed(`${title}: Reduction`, reduction.item(), 1), '%'],
  ];
}

export const section = defineSection<Opts>({
  number: 3,
  name: 'focal',
  title: '3. Focal Loss for Hard Examples',
  options: [
    floatOption('gamma', 'focusing parameter for the easy/hard comparison', 2.0, '2.0', '5'),
    floatOption('alpha', 'weighting factor alpha of focal_loss', 0.25, '0.25', '0.5'),
    listOption('gammas', 'gamma values of the sweep', [0, 1, 2, 5], '0,1,2,5', '0,0.5,3'),
  ],
  run(ctx, { gamma, alpha, gammas }) {
    // the targets are section 2's: randint after randn(8, 10) under the same seed
    const g2 = ctx.manualSeed();
    g2.randn(BATCH * CLASSES);
    const targets = g2.randint(0, CLASSES, BATCH);

    const g = ctx.manualSeed();
    const easyBase = mul(fromData(g.randn(BATCH * CLASSES), [BATCH, CLASSES]), 0.5);
    // easy_logits[range(8), targets] += 5.0: gather, add, index_put
    const easy = putRows(easyBase, targets, add(gatherRows(easyBase, targets), 5.0));
    const hard = fromData(g.randn(BATCH * CLASSES), [BATCH, CLASSES]);

    const labels = uniqueLabels(gammas.map((v) => `γ=${formatRepr(v)}`));
    const sweep: Line[] = gammas.map((v, i) => [
      ` γ=${formatFixed(v, 1)}: `,
      value(labels[i]!, focalLoss(easy, targets, { alpha, gamma: v }).item(), { fixed: 4 }, 'gamma'),
    ]);

    return {
      lines: [
        ...compare('Easy examples (high confidence)', easy, targets, alpha, gamma),
        [''],
        ...compare('Hard examples (uncertain)', hard, targets, alpha, gamma),
        [''],
        ['Effect of gamma parameter:'],
        ...sweep,
      ],
    };
  },
});

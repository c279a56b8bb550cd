import { formatFixed, formatRepr } from '../format/index.js';
import { tripletMarginLossOfDistances } from '../losses/triplet-margin-loss.js';
import { floatOption, listOption } from '../options.js';
import { fixed, type Line, uniqueLabels, value } from '../report.js';
import type { Generator } from '../rng/index.js';
import { clampMin } from '../tensor/clamp.js';
import { pairwiseDistance } from '../tensor/distance.js';
import { add, mul, sub, type Operand } from '../tensor/elementwise.js';
import { mean } from '../tensor/reduce.js';
import { fromData, type Tensor } from '../tensor/tensor.js';
import { defineSection } from './types.js';

interface Opts {
  readonly margin: number;
  readonly margins: readonly number[];
  readonly noise: number;
}

const TRIPLETS = 16;
const EMBEDDING_DIM = 128;

/**
 * The script's triplet_loss: mean(clamp(d_pos - d_neg + margin, min=0)), from the pairwise
 * distances d_pos and d_neg. The script calls it for every margin and then F.triplet_margin_loss
 * on the same tensors, all with pairwise_distance's default eps: the distances are the same
 * tensors each time, so they are computed once.
 */
export function tripletLoss(distancePos: Tensor, distanceNeg: Tensor, margin: number): Tensor {
  return mean(tripletHinge(distancePos, distanceNeg, margin));
}

/**
 * triplet_loss's per-triplet terms, before its mean: clamp(d_pos - d_neg + margin, min=0). A
 * margin tensor broadcasts, so a column of margins (M, 1) gives one row of terms per margin.
 */
export function tripletHinge(distancePos: Tensor, distanceNeg: Tensor, margin: Operand): Tensor {
  return clampMin(add(sub(distancePos, distanceNeg), margin), 0);
}

/** The script's 16 triplets' distances D(anchor, positive) and D(anchor, negative). */
export function tripletDistances(g: Generator, noise: number): { distancePos: Tensor; distanceNeg: Tensor } {
  const shape = [TRIPLETS, EMBEDDING_DIM];
  const randn = () => fromData(g.randn(TRIPLETS * EMBEDDING_DIM), shape);
  const anchors = randn();
  const positives = add(anchors, mul(randn(), noise));
  const negatives = randn();
  return { distancePos: pairwiseDistance(anchors, positives), distanceNeg: pairwiseDistance(anchors, negatives) };
}

export const section = defineSection<Opts>({
  number: 6,
  name: 'triplet',
  title: '6. Triplet Loss for Ranking',
  options: [
    floatOption('margin', 'margin of the manual and built-in triplet loss', 1.0, '1.0', '3'),
    listOption('margins', 'margins of the sweep', [0.5, 1, 2, 5], '0.5,1,2,5', '0.1,14,20'),
    floatOption('noise', 'scale of the perturbation from anchor to positive', 0.2, '0.2', '1.5'),
  ],
  run(ctx, { margin, margins, noise }) {
    const { distancePos, distanceNeg } = tripletDistances(ctx.manualSeed(), noise);
    const loss = tripletLoss(distancePos, distanceNeg, margin);
    const dPos = mean(distancePos);
    const dNeg = mean(distanceNeg);
    const builtin = tripletMarginLossOfDistances(distancePos, distanceNeg, margin);

    const labels = uniqueLabels(margins.map((m) => `margin=${formatRepr(m)}`));
    const sweep: Line[] = margins.map((m, i) => [
      ` margin=${formatFixed(m, 1)}: `,
      value(labels[i]!, tripletLoss(distancePos, distanceNeg, m).item(), { fixed: 4 }, 'margin'),
    ]);

    return {
      lines: [
        ['Triplets: ', value('Triplets', TRIPLETS, 'int')],
        ['Embedding dim: ', value('Embedding dim', EMBEDDING_DIM, 'int')],
        [''],
        ['Triplet Loss: ', fixed('Triplet Loss', loss.item())],
        ['Avg D(anchor, positive): ', fixed('Avg D(anchor, positive)', dPos.item())],
        ['Avg D(anchor, negative): ', fixed('Avg D(anchor, negative)', dNeg.item())],
        ['Margin satisfaction: ', fixed('Margin satisfaction', sub(dNeg, dPos).item()),
          ` (should be > margin=${formatRepr(margin)})`],
        [''],
        ['Built-in TripletMarginLoss: ', fixed('Built-in TripletMarginLoss', builtin.item())],
        [''],
        ['Effect of margin:'],
        ...sweep,
      ],
    };
  },
});

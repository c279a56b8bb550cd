import { contrastiveLoss } from '../losses/contrastive.js';
import { floatOption } from '../options.js';
import { fixed, value } from '../report.js';
import type { Generator } from '../rng/index.js';
import { cat } from '../tensor/cat.js';
import { add, eq, mul } from '../tensor/elementwise.js';
import { mean, sum } from '../tensor/reduce.js';
import { fromData, full, zeros, type Tensor } from '../tensor/tensor.js';
import { defineSection } from './types.js';

interface Opts {
  readonly margin: number;
  readonly noise: number;
}

export const PAIRS = 16;
const EMBEDDING_DIM = 128;

/** The script's 16 similar then 16 dissimilar pairs, concatenated, and their labels (0 similar, 1 dissimilar). */
export function contrastivePairs(g: Generator, noise: number): { emb1: Tensor; emb2: Tensor; labels: Tensor } {
  const shape = [PAIRS, EMBEDDING_DIM];
  const randn = () => fromData(g.randn(PAIRS * EMBEDDING_DIM), shape);
  const emb1Pos = randn();
  const emb2Pos = add(emb1Pos, mul(randn(), noise));
  const labelsPos = zeros([PAIRS]);
  const emb1Neg = randn();
  const emb2Neg = randn();
  const labelsNeg = full([PAIRS], 1);
  return { emb1: cat([emb1Pos, emb1Neg]), emb2: cat([emb2Pos, emb2Neg]), labels: cat([labelsPos, labelsNeg]) };
}

export const section = defineSection<Opts>({
  number: 5,
  name: 'contrastive',
  title: '5. Contrastive Loss for Similarity Learning',
  options: [
    floatOption('margin', 'margin of contrastive_loss for dissimilar pairs', 1.0, '1.0', '2'),
    floatOption('noise', 'scale of the noise between the two embeddings of a similar pair', 0.1, '0.1', '0.5'),
  ],
  run(ctx, { margin, noise }) {
    const { emb1, emb2, labels } = contrastivePairs(ctx.manualSeed(), noise);
    const { loss, meanDistance, distance } = contrastiveLoss(emb1, emb2, labels, { margin });
    // (labels == k).sum().item(): a bool sum, a Python int
    const count = (k: number): number => sum(eq(labels, k)).item();
    // F.pairwise_distance(emb1_pos, emb2_pos) and (emb1_neg, emb2_neg): pairwise_distance works
    // row by row, so these are the rows of the concatenated pairs' distances that
    // contrastive_loss computed (the first PAIRS, then the rest), bit for bit
    const posDist = mean(distance.slice(0, 0, PAIRS));
    const negDist = mean(distance.slice(0, PAIRS));

    return {
      lines: [
        ['Total pairs: ', value('Total pairs', labels.numel, 'int')],
        [' Positive pairs: ', value('Positive pairs', count(0), 'int')],
        [' Negative pairs: ', value('Negative pairs', count(1), 'int')],
        [''],
        ['Contrastive Loss: ', fixed('Contrastive Loss', loss.item())],
        ['Average pairwise distance: ', fixed('Average pairwise distance', meanDistance.item())],
        [''],
        ['Positive pair distance: ', fixed('Positive pair distance', posDist.item()), ' (should be small)'],
        ['Negative pair distance: ', fixed('Negative pair distance', negDist.item()), ' (should be > margin)'],
      ],
    };
  },
});

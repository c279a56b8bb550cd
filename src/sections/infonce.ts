import { formatFixed, formatRepr } from '../format/index.js';
import { cosineSimilarityMatrix, infoNceFromSimilarity } from '../losses/info-nce.js';
import { floatOption, intListOption, listOption } from '../options.js';
import { fixed, type Line, uniqueLabels, value } from '../report.js';
import { arange } from '../tensor/arange.js';
import { argmaxLastDim } from '../tensor/argmax.js';
import { add, mul } from '../tensor/elementwise.js';
import { libmLog } from '../tensor/math/libm-log.js';
import { mean, sum } from '../tensor/reduce.js';
import { fromData, Tensor } from '../tensor/tensor.js';
import type { Generator } from '../rng/index.js';
import { defineSection } from './types.js';

interface Opts {
  readonly temperature: number;
  readonly temperatures: readonly number[];
  readonly noise: number;
  readonly batchSizes: readonly number[];
}

export const BATCH = 32;
const EMBEDDING_DIM = 128;
const f = Math.fround;

/** The top-left n×n block, the similarity of queries[:n] with keys[:n] (see cosineSimilarityMatrix), made contiguous as the script's own n×n matrix is. */
export function leading(similarity: Tensor, n: number): Tensor {
  return similarity.slice(0, 0, n).slice(1, 0, n).contiguous();
}

/**
 * The section's queries, keys (noisy copies: the second view) and their cosine-similarity matrix,
 * drawn from g as the script draws them; the unrelated keys are g's next draw.
 */
export function infonceData(g: Generator, noise: number): { queries: Tensor; keys: Tensor; similarity: Tensor } {
  const shape = [BATCH, EMBEDDING_DIM];
  const queries = fromData(g.randn(BATCH * EMBEDDING_DIM), shape);
  const keys = add(queries, mul(fromData(g.randn(BATCH * EMBEDDING_DIM), shape), noise));
  // every info_nce_loss(queries, keys, τ) of the script forms this same matrix; only the
  // logits' division by τ differs, so it is formed once
  return { queries, keys, similarity: cosineSimilarityMatrix(queries, keys) };
}

export const section = defineSection<Opts>({
  number: 10,
  name: 'infonce',
  title: '10. InfoNCE Loss: Contrastive Learning with Many Negatives',
  extra: true,
  options: [
    floatOption('temperature', 'temperature τ of the main, symmetric and batch-size InfoNCE losses', 0.1, '0.1', '0.2', { above: 0 }),
    listOption('temperatures', 'temperatures τ of the sweep', [0.05, 0.1, 0.5, 1.0], '0.05,0.1,0.5,1.0', '0.02,0.2,2', { above: 0 }),
    floatOption('noise', 'scale of the noise from a query to its key (the second view)', 2.0, '2.0', '0.5'),
    intListOption('batch-sizes', 'batch sizes N of the sweep (the first N queries and keys)', [4, 8, 16, 32], '4,8,16,32', '1,2,32', { min: 1, max: BATCH }),
  ],
  run(ctx, { temperature, temperatures, noise, batchSizes }) {
    const g = ctx.manualSeed();
    const { queries, similarity } = infonceData(g, noise);
    const loss = infoNceFromSimilarity(similarity, { temperature }).item();

    const positive = mean(similarity.diagonal()).item();
    // (similarity.sum() - similarity.diagonal().sum()) / (N (N - 1)), 0-dim float32 ops
    const negative = f(f(sum(similarity).item() - sum(similarity.diagonal()).item()) / f(BATCH * (BATCH - 1)));
    const targets = arange(BATCH);
    const hits = argmaxLastDim(similarity).map((j, i) => (j === targets[i] ? 1 : 0));
    const accuracy = mean(fromData(Float32Array.from(hits))).item();

    // info_nce_loss(keys, queries): its similarity is this one transposed, bit for bit
    const reverse = infoNceFromSimilarity(similarity.transpose(0, 1).contiguous(), { temperature }).item();
    const symmetric = f(f(loss + reverse) / 2);

    const tauLabels = uniqueLabels(temperatures.map((t) => `τ=${formatRepr(t)}`));
    const nLabels = uniqueLabels(batchSizes.map((n) => `N=${n}`));
    const temperatureLines: Line[] = temperatures.map((t, i) => [
      ` τ=${formatFixed(t, 2)}: `,
      value(tauLabels[i]!, infoNceFromSimilarity(similarity, { temperature: t }).item(), { fixed: 4 }, 'temperature'),
    ]);
    const batchLines: Line[] = batchSizes.map((n, i) => [
      ` N=${n}: `,
      value(nLabels[i]!, infoNceFromSimilarity(leading(similarity, n), { temperature }).item(), { fixed: 4 }, 'batch size'),
      ' (log N = ',
      value(`log N (${nLabels[i]!})`, libmLog(n), { fixed: 4 }, 'batch size'),
      ')',
    ]);

    const randomKeys = fromData(g.randn(BATCH * EMBEDDING_DIM), [BATCH, EMBEDDING_DIM]);
    const unrelated = infoNceFromSimilarity(cosineSimilarityMatrix(queries, randomKeys), { temperature: 1.0 }).item();

    return {
      lines: [
        ['Queries: ', value('Queries', BATCH, 'int'), ', embedding dim: ', value('Embedding dim', EMBEDDING_DIM, 'int')],
        ['Negatives per query: ', value('Negatives per query', BATCH - 1, 'int')],
        [''],
        [`InfoNCE Loss (τ=${formatRepr(temperature)}): `, fixed('InfoNCE Loss', loss)],
        ['Avg positive similarity: ', fixed('Avg positive similarity', positive)],
        ['Avg negative similarity: ', fixed('Avg negative similarity', negative)],
        ['Top-1 retrieval accuracy: ', fixed('Top-1 retrieval accuracy', accuracy)],
        ['Symmetric InfoNCE (CLIP-style): ', fixed('Symmetric InfoNCE (CLIP-style)', symmetric)],
        [''],
        ['Effect of temperature τ:'],
        ...temperatureLines,
        [' → Low τ sharpens the softmax and focuses on hard negatives'],
        [''],
        ['Effect of batch size (more negatives):'],
        ...batchLines,
        [''],
        ['Unrelated keys (τ=1.0): ', fixed('Unrelated keys (τ=1.0)', unrelated)],
        [' log(N) = ', fixed('log(N)', libmLog(BATCH))],
        [' → InfoNCE bounds mutual information: I(q; k) ≥ log(N) - L'],
      ],
    };
  },
});

import { arange } from '../tensor/arange.js';
import { broadcastProductSum } from '../tensor/broadcast-product-sum.js';
import { div } from '../tensor/elementwise.js';
import { divideByRowNorms } from '../tensor/normalize-rows.js';
import { Tensor } from '../tensor/tensor.js';
import { crossEntropy } from './cross-entropy.js';
import type { Reduction } from './reduction.js';

export interface InfoNceOptions {
  readonly temperature?: number;
  readonly reduction?: Reduction;
}

/**
 * The cosine similarity of every query with every key, (N, M), as the extras' info_nce_loss
 * computes it: each row divided by its 2-norm (`x / x.norm(dim=1, keepdim=True)`: the norm
 * kernel's contiguous last-dim path, then an exact float32 division), then
 * `(q.unsqueeze(1) * k.unsqueeze(0)).sum(dim=2)`. Entry (i, j) depends on query i and key j
 * only, so the similarity of the first n queries and keys is the top-left n×n block, and that of
 * keys with queries is the transpose (float multiplication commutes).
 */
export function cosineSimilarityMatrix(queries: Tensor, keys: Tensor): Tensor {
  return broadcastProductSum(divideByRowNorms(queries), divideByRowNorms(keys));
}

/**
 * InfoNCE from the similarity matrix: F.cross_entropy(similarity / τ, arange(N)), key i being
 * the positive of query i. Per query with reduction 'none'.
 */
export function infoNceFromSimilarity(similarity: Tensor, options: InfoNceOptions = {}): Tensor {
  const logits = div(similarity, options.temperature ?? 0.1);
  return crossEntropy(logits, arange(similarity.shape[0]!), { reduction: options.reduction ?? 'mean' });
}

/** The extras' info_nce_loss(queries, keys, temperature): the loss and the similarity matrix. */
export function infoNceLoss(queries: Tensor, keys: Tensor, options: InfoNceOptions = {}): { loss: Tensor; similarity: Tensor } {
  const similarity = cosineSimilarityMatrix(queries, keys);
  return { loss: infoNceFromSimilarity(similarity, options), similarity };
}

import type { Figure } from '../figure/model.js';
import { formatFixed, formatRepr } from '../format/index.js';
import { infoNceFromSimilarity } from '../losses/info-nce.js';
import { BATCH, infonceData, leading } from '../sections/infonce.js';
import { argmaxLastDim } from '../tensor/argmax.js';
import { libmLog } from '../tensor/math/libm-log.js';
import { elements } from '../tensor/tensor.js';
import type { FigureBuilder } from './index.js';
import { series } from './series.js';

interface Opts {
  readonly temperature: number;
  readonly temperatures: readonly number[];
  readonly noise: number;
  readonly batchSizes: readonly number[];
}

/**
 * Four temperatures per decade (1, 2, 3, 5), as decimal mantissas (parsed like Python's
 * float('20e-2')), as section 2's logit scales: each costs a softmax over the whole 32×32 matrix.
 */
const MANTISSAS = [10, 20, 30, 50];

/**
 * Batch sizes of the curve, about √2 apart: the loss of n queries costs a softmax over n² logits,
 * so these cost about two of the full batch where 1..32 would cost eleven.
 */
const BATCH_SIZES = [1, 2, 3, 4, 6, 8, 12, 16, 24, 32];

/**
 * The temperatures of the curve: from 10^a to 10^b, the decades 0.01..10 widened to reach every
 * τ the section uses. Each is a parsed decimal, so the fixture script's doubles are the same.
 */
export function temperatureGrid(taus: readonly number[]): number[] {
  let a = -2;
  let b = 1;
  while (a > -300 && taus.some((t) => t < Number(`1e${a}`))) a--;
  while (b < 300 && taus.some((t) => t > Number(`1e${b}`))) b++;
  const out: number[] = [];
  for (let k = a; k < b; k++) for (const m of MANTISSAS) out.push(Number(`${m}e${k - 1}`));
  out.push(Number(`1e${b}`));
  return out;
}

export const figures: FigureBuilder = (ctx, options) => {
  const { temperature, temperatures, noise, batchSizes } = options as unknown as Opts;
  const { similarity } = infonceData(ctx.manualSeed(), noise);
  const logN = libmLog(BATCH);
  const logNMark = { kind: 'hline', y: logN, label: `log N = ${formatFixed(logN, 4)}` } as const;

  // the section's info_nce_loss(queries, keys, τ) at every τ: only the logits' division differs
  // (a --temperatures value on the curve's grid is computed once)
  const memo = new Map<number, number>();
  const lossAt = (t: number): number => {
    let v = memo.get(t);
    if (v === undefined) memo.set(t, (v = infoNceFromSimilarity(similarity, { temperature: t }).item()));
    return v;
  };
  const taus = temperatureGrid([...temperatures, temperature]);
  const tau: Figure = {
    title: `InfoNCE loss vs temperature τ (N=${BATCH})`,
    kind: 'lines',
    x: { label: 'temperature τ', scale: 'log' },
    y: { label: 'InfoNCE loss' },
    series: [
      series('InfoNCE', taus, taus.map(lossAt)),
      series('--temperatures', temperatures, temperatures.map(lossAt), 'points'),
    ],
    marks: [{ kind: 'vline', x: temperature, label: `τ=${formatRepr(temperature)}` }, logNMark],
    note: 'As τ grows every key looks alike and the loss rises to log N; a small τ trusts the highest similarity.',
  };

  // similarity[i][j] is query i against key j: values[j][i] puts queries on y, keys on x
  const n = similarity.shape[0]!;
  const s = elements(similarity);
  const index = Array.from({ length: n }, (_, i) => i);
  const top1 = argmaxLastDim(similarity);
  // the queries whose most similar key is not their own (a drawn diagonal would hide its values)
  const misses = index.filter((i) => top1[i] !== i);
  const heatmap: Figure = {
    title: 'Cosine similarity of queries and keys',
    kind: 'heatmap',
    x: { label: 'key index', domain: [0, n - 1] },
    y: { label: 'query index', domain: [0, n - 1] },
    series: misses.length === 0 ? [] : [series('top-1 key, not the positive', misses.map((i) => top1[i]!), misses, 'points')],
    grid: { x: index, y: index, values: index.map((i) => index.map((j) => s[i * n + j]!)), label: 'cosine similarity' },
    marks: [],
    note: `Key i is the positive of query i (the diagonal); the top-1 key is the positive for ${n - misses.length} of ${n} queries.`,
  };

  // info_nce_loss(queries[:n], keys[:n], τ): the leading n×n block of the same similarity, at
  // sizes spread on the log axis and the section's --batch-sizes (each computed once)
  const sizes = [...new Set([...BATCH_SIZES, ...batchSizes])].sort((a, b) => a - b);
  const lossOfN = new Map(sizes.map((m) => [m, infoNceFromSimilarity(leading(similarity, m), { temperature }).item()]));
  const batch: Figure = {
    title: `InfoNCE loss vs batch size N (τ=${formatRepr(temperature)})`,
    kind: 'lines',
    x: { label: 'batch size N', scale: 'log' },
    y: { label: 'InfoNCE loss' },
    series: [
      series('InfoNCE', sizes, sizes.map((m) => lossOfN.get(m)!)),
      series('log N', sizes, sizes.map((m) => Math.fround(libmLog(m)))),
      series('--batch-sizes', batchSizes, batchSizes.map((m) => lossOfN.get(m)!), 'points'),
    ],
    marks: [],
    note: 'Each query has N − 1 negatives; log N − L is a lower bound on the mutual information I(q; k).',
  };
  return [tau, heatmap, batch];
};

import type { Figure } from '../figure/model.js';
import { randnAt } from '../rng/randn-at.js';
import { maskBoxes } from '../sections/dice.js';
import { sigmoidScalar, sleefExpfInto, VECTOR_BLOCK } from '../tensor/math/index.js';
import type { FigureBuilder } from './index.js';
import { strided } from './series.js';

interface Opts {
  readonly batchSize: number;
  readonly height: number;
  readonly width: number;
}

/** Cells per side of a displayed mask at most. */
const MAX_SIDE = 64;

const f = Math.fround;

export const figures: FigureBuilder = (ctx, options) => {
  const { batchSize, height, width } = options as unknown as Opts;
  const n = batchSize * height * width;
  const g = ctx.manualSeed();
  const [x0, y0, w0, h0] = maskBoxes(g, batchSize)[0]!;
  // every k-th row and column of the first mask; only their noise is drawn (randnAt), so a
  // large batch costs the skipped draws, not their Box–Muller work
  const { k, indices: rows } = strided(Math.max(height, width), MAX_SIDE);
  const rowIdx = rows.filter((r) => r < height);
  const colIdx = rows.filter((c) => c < width);
  // index loops here and below: this runs once per run, mostly before V8 optimises it
  const positions: number[] = [];
  for (let a = 0; a < rowIdx.length; a++) for (let c = 0; c < colIdx.length; c++) positions.push(rowIdx[a]! * width + colIdx[c]!);
  const noise = randnAt(g, n, positions);
  // sigmoid of the whole batch: Sleef's expf on blocks of 16, glibc's on the numel % 16 tail
  const vecEnd = n - (n % VECTOR_BLOCK);
  // the logits, and sigmoid's exponentials e^-x by the array kernel the section's text ran (warm)
  const m = positions.length;
  const targets = new Float32Array(m);
  const logits = new Float32Array(m);
  const exps = new Float32Array(m);
  for (let a = 0, q = 0; a < rowIdx.length; a++) {
    const r = rowIdx[a]!;
    for (let b = 0; b < colIdx.length; b++, q++) {
      const c = colIdx[b]!;
      // target_masks[0, x:x+w, y:y+h] = 1: rows x.., columns y..
      const tv = r >= x0 && r < x0 + w0 && c >= y0 && c < y0 + h0 ? 1 : 0;
      targets[q] = tv;
      // pred_logits = target * 5.0 + randn * 2.0 (both products exact, one rounding)
      const logit = f(tv * 5 + noise[q]! * 2);
      logits[q] = logit;
      exps[q] = f(0 - logit);
    }
  }
  sleefExpfInto(exps, exps);
  // sigmoidVec's 1 / (1 + e^-x) on the vectorized part, glibc's expf (sigmoidScalar) on the tail
  const probs = new Float32Array(m);
  const binaries = new Uint8Array(m);
  for (let j = 0; j < m; j++) {
    const pv = positions[j]! < vecEnd ? f(1 / f(1 + exps[j]!)) : sigmoidScalar(logits[j]!);
    probs[j] = pv;
    binaries[j] = pv > 0.5 ? 1 : 0;
  }
  // rows of the model's grids, one array copy per row (float32 widened exactly)
  const cols = colIdx.length;
  const rowsOf = (a: Float32Array | Uint8Array): number[][] =>
    rowIdx.map((_, r) => Array.from(a.subarray(r * cols, (r + 1) * cols)));
  const target = rowsOf(targets);
  const prob = rowsOf(probs);
  const binary = rowsOf(binaries);
  const note = k > 1 ? `Sampled: rows and columns 0, ${k}, ${2 * k}, … of the ${height}×${width} mask (every ${k} pixels, not block means).` : undefined;
  const heatmap = (title: string, values: number[][], label: string): Figure => ({
    title,
    kind: 'heatmap',
    x: { label: 'column', domain: [0, width - 1] },
    y: { label: 'row', domain: [0, height - 1] },
    series: [],
    grid: { x: colIdx, y: rowIdx, values, label },
    marks: [],
    ...(note === undefined ? {} : { note }),
  });
  return [
    heatmap('Mask 1: target', target, 'target'),
    heatmap('Mask 1: sigmoid(prediction)', prob, 'probability'),
    heatmap('Mask 1: prediction > 0.5', binary, 'predicted'),
  ];
};

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
  const positions = rowIdx.flatMap((r) => colIdx.map((c) => r * width + c));
  const noise = randnAt(g, n, positions);
  // sigmoid of the whole batch: Sleef's expf on blocks of 16, glibc's on the numel % 16 tail
  const vecEnd = n - (n % VECTOR_BLOCK);
  // the logits, and sigmoid's exponentials e^-x by the array kernel the section's text ran (warm)
  const m = positions.length;
  const targets = new Float32Array(m);
  const logits = new Float32Array(m);
  const exps = new Float32Array(m);
  let q = 0;
  for (const r of rowIdx) {
    for (const c of colIdx) {
      // target_masks[0, x:x+w, y:y+h] = 1: rows x.., columns y..
      const tv = r >= x0 && r < x0 + w0 && c >= y0 && c < y0 + h0 ? 1 : 0;
      targets[q] = tv;
      // pred_logits = target * 5.0 + randn * 2.0 (both products exact, one rounding)
      logits[q] = f(tv * 5 + noise[q]! * 2);
      exps[q] = f(0 - logits[q]!);
      q++;
    }
  }
  sleefExpfInto(exps, exps);
  const target: number[][] = [];
  const prob: number[][] = [];
  const binary: number[][] = [];
  q = 0;
  for (let a = 0; a < rowIdx.length; a++) {
    const t: number[] = [];
    const p: number[] = [];
    const b: number[] = [];
    for (let c = 0; c < colIdx.length; c++, q++) {
      // sigmoidVec's 1 / (1 + e^-x) on the vectorized part, glibc's expf (sigmoidScalar) on the tail
      const pv = positions[q]! < vecEnd ? f(1 / f(1 + exps[q]!)) : sigmoidScalar(logits[q]!);
      t.push(targets[q]!);
      p.push(pv);
      b.push(pv > 0.5 ? 1 : 0);
    }
    target.push(t);
    prob.push(p);
    binary.push(b);
  }
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

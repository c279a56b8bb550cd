import { DenseTensor, type Tensor } from '../tensor/tensor.js';
import type { Reduction } from './reduction.js';

export interface NllLossOptions {
  readonly reduction?: Reduction;
  /** Targets equal to this contribute nothing and are not counted by 'mean'. */
  readonly ignoreIndex?: number;
}

const f = Math.fround;
const LEVELS = 8;

/**
 * F.nll_loss(input, target) for input (N, C) of log-probabilities, as nll_loss_out_frame
 * (aten/src/ATen/native/LossNLL.cpp) computes it on CPU. 'none' is -input[i, target[i]].
 * 'sum'/'mean' do not go through torch.sum: they subtract each picked value from an 8-level
 * cascade of float partial sums (a level moves up whenever the low 4*j bits of the row index
 * are all zero, row 0 included), add the levels to 0 in order, and 'mean' divides by the
 * number of counted rows as a float.
 */
export function nllLoss(input: Tensor, target: readonly number[], options: NllLossOptions = {}): Tensor {
  const reduction = options.reduction ?? 'mean';
  const ignoreIndex = options.ignoreIndex ?? -100;
  if (input.ndim !== 2) throw new RangeError(`nllLoss: input should be 2-D (N, C), got ${input.ndim}-D`);
  const [batch, classes] = input.shape as [number, number];
  const [rowStride, classStride] = input.stride as [number, number];
  const s = input.storage;
  if (target.length !== batch) throw new RangeError(`nllLoss: size mismatch (got input: ${batch} rows, target: ${target.length})`);
  const picked = (b: number): number => {
    const t = target[b]!;
    if (!Number.isInteger(t) || t < 0 || t >= classes) throw new RangeError(`Target ${t} is out of bounds.`);
    return s[input.offset + b * rowStride + t * classStride]!;
  };

  if (reduction === 'none') {
    const out = new Float32Array(batch);
    for (let b = 0; b < batch; b++) out[b] = target[b] === ignoreIndex ? 0 : -picked(b);
    return new DenseTensor(out, [batch]);
  }

  if (batch === 0) return new DenseTensor(Float32Array.of(reduction === 'mean' ? NaN : 0), []);
  const levelPower = Math.max(4, Math.floor(ceilLog2(batch) / LEVELS));
  const levelMask = 2 ** levelPower - 1;
  const partial = new Float64Array(LEVELS);
  let ignored = 0;
  for (let b = 0; b < batch; b++) {
    if (target[b] === ignoreIndex) {
      ignored++;
      continue;
    }
    partial[0] = f(partial[0]! - picked(b));
    for (let j = 0; j + 1 < LEVELS; j++) {
      // `(b & (level_mask << j*level_power)) != 0`
      if (Math.floor(b / 2 ** (j * levelPower)) & levelMask) break;
      partial[j + 1] = f(partial[j + 1]! + partial[j]!);
      partial[j] = 0;
    }
  }
  let total = 0;
  for (let j = 0; j < LEVELS; j++) total = f(total + partial[j]!);
  if (reduction === 'mean') total = f(total / f(batch - ignored));
  return new DenseTensor(Float32Array.of(total), []);
}

/** utils::CeilLog2 (aten/src/ATen/native/cpu/utils.h): 1 up to 2, else the bit length of x - 1. */
function ceilLog2(x: number): number {
  return x <= 2 ? 1 : 32 - Math.clz32(x - 1);
}

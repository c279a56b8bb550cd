import { formatRepr } from './repr.js';

function formatInt(n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`formatIntList: ${n} is not an integer`);
  // BigInt keeps integers >= 1e21 out of JS exponent notation and turns -0 into '0', like Python ints.
  return BigInt(n).toString();
}

/** Python list repr of floats: '[1.5, -2.0]'. */
export function formatFloatList(xs: readonly number[]): string {
  return `[${xs.map(formatRepr).join(', ')}]`;
}

/** Python list repr of ints: '[4, 1, 6]'. */
export function formatIntList(xs: readonly number[]): string {
  return `[${xs.map(formatInt).join(', ')}]`;
}

/** repr of a torch.Size: 'torch.Size([4, 64, 64])'. */
export function formatSize(shape: readonly number[]): string {
  return `torch.Size(${formatIntList(shape)})`;
}

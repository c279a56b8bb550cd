/*
 * `torch.arange(n)`: the int64 tensor 0, 1, ..., n - 1. The extras use it only as class targets
 * and to compare indices, so it is a plain list of integers.
 */
export function arange(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

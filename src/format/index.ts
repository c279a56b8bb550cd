// Python's float/int text formatting, reproduced exactly (CPython's repr, '.Nf' and 'g').
export { formatFixed } from './fixed.js';
export { formatRepr, formatG } from './repr.js';
export { formatFloatList, formatIntList, formatSize } from './lists.js';

import { defineSection } from './types.js';

// Placeholder until the section is written: the registry needs every module to exist.
export const section = defineSection({
  number: null,
  name: 'label-smoothing',
  title: 'label-smoothing',
  options: [],
  run() {
    throw new Error('section label-smoothing is not implemented yet');
  },
});

import { defineSection } from './types.js';

// Placeholder until the section is written: the registry needs every module to exist.
export const section = defineSection({
  number: null,
  name: 'dice',
  title: 'dice',
  options: [],
  run() {
    throw new Error('section dice is not implemented yet');
  },
});

import { defineSection } from './types.js';

// Placeholder until the section is written: the registry needs every module to exist.
export const section = defineSection({
  number: null,
  name: 'regression',
  title: 'regression',
  options: [],
  run() {
    throw new Error('section regression is not implemented yet');
  },
});

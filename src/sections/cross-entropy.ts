import { defineSection } from './types.js';

// Placeholder until the section is written: the registry needs every module to exist.
export const section = defineSection({
  number: null,
  name: 'cross-entropy',
  title: 'cross-entropy',
  options: [],
  run() {
    throw new Error('section cross-entropy is not implemented yet');
  },
});

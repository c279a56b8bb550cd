import { defineSection } from './types.js';

// Placeholder until the section is written: the registry needs every module to exist.
export const section = defineSection({
  number: null,
  name: 'triplet',
  title: 'triplet',
  options: [],
  run() {
    throw new Error('section triplet is not implemented yet');
  },
});

import { defineSection } from './types.js';

// Placeholder until the section is written: the registry needs every module to exist.
export const section = defineSection({
  number: null,
  name: 'contrastive',
  title: 'contrastive',
  options: [],
  run() {
    throw new Error('section contrastive is not implemented yet');
  },
});

import { defineSection } from './types.js';

// Placeholder until the section is written: the registry needs every module to exist.
export const section = defineSection({
  number: null,
  name: 'landscape',
  title: 'landscape',
  options: [],
  run() {
    throw new Error('section landscape is not implemented yet');
  },
});

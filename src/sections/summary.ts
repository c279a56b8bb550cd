import { defineSection } from './types.js';

// Placeholder until the section is written: the registry needs every module to exist.
export const section = defineSection({
  number: null,
  name: 'summary',
  title: 'summary',
  options: [],
  run() {
    throw new Error('section summary is not implemented yet');
  },
});

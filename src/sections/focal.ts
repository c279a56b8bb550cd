import { defineSection } from './types.js';

// Placeholder until the section is written: the registry needs every module to exist.
export const section = defineSection({
  number: null,
  name: 'focal',
  title: 'focal',
  options: [],
  run() {
    throw new Error('section focal is not implemented yet');
  },
});

import { defineSection } from './types.js';

// Placeholder until the section is written: the registry needs every module to exist.
export const section = defineSection({
  number: null,
  name: 'multitask',
  title: 'multitask',
  options: [],
  run() {
    throw new Error('section multitask is not implemented yet');
  },
});

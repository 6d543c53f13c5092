import { compileCms } from './harness';

// Every test file boots its own Strapi from the same compiled output.
export default compileCms;

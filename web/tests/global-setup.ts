import { compileCms } from '../../cms/tests/harness';

// The site and publishing tests boot real Strapis from the CMS's compiled output.
export default compileCms;

import { compileCms } from '../../cms/tests/harness';

// The site, publishing and product tests boot the CMS from its compiled output; the product test
// also serves the admin panel, which is built once per checkout.
export default () => compileCms({ withAdmin: true });

// `npm start` (and `npm run dev`, with --dev) on a fresh machine: installs the workspace with the
// pinned pnpm, then runs the product (scripts/product.mjs) on the Node 22 that the install put first on the PATH.
// Plain JavaScript that any Node ≥ 18 runs, because the machine's own Node may be older than 22.
import { runPnpm, installWorkspace } from './pnpm.mjs';

installWorkspace();
process.exit(runPnpm(['run', '--silent', 'product', ...process.argv.slice(2)]));

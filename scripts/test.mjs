// `npm test`: installs the workspace, runs every test (SQLite), then, when TEST_DATABASE_URL points
// at a PostgreSQL server, runs the CMS suite again on PostgreSQL.
import { runPnpm, installWorkspace } from './pnpm.mjs';

installWorkspace();
const status = runPnpm(['exec', 'vitest', 'run', ...process.argv.slice(2)]);
if (status !== 0) process.exit(status);

if (process.env.TEST_DATABASE_URL) {
  console.log('\nCMS suite on PostgreSQL');
  process.exit(
    runPnpm(['exec', 'vitest', 'run', '--project', 'cms'], { TEST_DATABASE_CLIENT: 'postgres' })
  );
}

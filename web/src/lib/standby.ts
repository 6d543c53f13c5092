/**
 * Standby builds: the rebuild service starts its next partial build as soon as a release is live,
 * with PUBLISHER_STANDBY=1, so that Astro's start (loading Astro, the site's config, the content
 * config and the data store: ~2.5 s at 10,000 articles) is paid before the next publish instead
 * of after it. Such a build reads nothing from the CMS until the publish: its loaders print
 * STANDBY_READY and wait for a line on the build's standard input, which the service writes when
 * the publish comes (publisher/build.ts). Input closed without a line (the service went away)
 * fails the build. Without the variable, as in a plain `astro build`, nothing waits. The search
 * index command (scripts/search-index.ts) stands by the same way for the build's end.
 */
import { createInterface } from 'node:readline';
import { STANDBY_ENV, STANDBY_READY } from '@toasoan/shared/standby';

let go: Promise<void> | undefined;

export const inStandby = () => process.env[STANDBY_ENV] === '1';

/** Resolves once the publish this build is for has come (at once outside a standby build). */
export const publishCame = (): Promise<void> => {
  if (!inStandby()) return Promise.resolve();
  go ??= new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: process.stdin });
    let came = false;
    lines.once('line', () => {
      came = true;
      lines.close();
      // Let the build's process exit once it is done.
      process.stdin.destroy();
      resolve();
    });
    lines.once('close', () => {
      if (!came) reject(new Error('standby build: the rebuild service closed its input before a publish'));
    });
    console.log(STANDBY_READY);
  });
  return go;
};

/**
 * The standby protocol between the rebuild service (publisher/build.ts) and the site's build
 * (web/src/lib/standby.ts): a build started with STANDBY_ENV=1 prints STANDBY_READY once it is
 * ready to read the CMS, and reads nothing until a line comes on its standard input.
 */
export const STANDBY_ENV = 'PUBLISHER_STANDBY';
export const STANDBY_READY = '[toasoan:standby] waiting for the publish';

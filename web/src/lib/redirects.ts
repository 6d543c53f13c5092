import type { RedirectMap } from '@toasoan/shared/redirects';

/**
 * Addresses the site itself has moved (not imported ones, which come from the CMS): merged into the
 * release's redirect map (REDIRECTS_FILE in @toasoan/shared/redirects).
 */
export const siteRedirects = async (): Promise<RedirectMap> => ({});

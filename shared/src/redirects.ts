import * as z from 'zod/mini';

/**
 * Contract between the site build and whatever answers old addresses (the publisher's site server,
 * and nginx through it): every release carries this file at its root, mapping an old path to the
 * path that replaced it. The server answers 301 for a listed path and 404 for anything else.
 */
export const REDIRECTS_FILE = '_redirects.json';

/** Site-absolute paths only ("/tin-tuc/abc.html" → "/tin-tuc/abc/"); never a full URL to elsewhere. */
const sitePath = z.string().check(z.regex(/^\/(?!\/)/, 'phải là đường dẫn bắt đầu bằng "/"'));

export const redirectMapSchema = z.record(sitePath, sitePath);

export type RedirectMap = z.infer<typeof redirectMapSchema>;

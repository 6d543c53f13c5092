import type * as z from 'zod/mini';
import { HONEYPOT_FIELD, commentRequestSchema, documentIdSchema, ratingRequestSchema } from '@toasoan/shared/engagement-contract';
import { toPlainText } from './text';

// Paths, bodies and answers are the contract shared with the site (shared/src/engagement-contract.ts).
// Messages are Vietnamese sentences for readers; describe() puts the field name in front for
// developers and the site's script strips it again.
export { HONEYPOT_FIELD, documentIdSchema };
export const ratingSchema = ratingRequestSchema;
// Comments are stored as plain text; the length limits apply to what is left after stripping HTML.
export const commentSchema = commentRequestSchema(toPlainText);

export interface FieldError {
  path: (string | number)[];
  message: string;
}

/** Strapi's ValidationError shape: a message naming the field, every problem in details.errors. */
export const describe = (error: z.core.$ZodError): { message: string; errors: FieldError[] } => {
  const errors = error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? issue.keys : issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    return { path: path as (string | number)[], message: issue.message };
  });
  const message = errors.map(({ path, message }) => `${path.length ? path.join('.') : 'body'}: ${message}`).join('; ');
  return { message, errors };
};

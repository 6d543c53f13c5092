import type * as z from 'zod/mini';
import { engagementPath, type publicCommentSchema } from '@toasoan/shared/engagement-contract';

/** Shared by the build-time markup and the browser script so both print numbers the same way. */
const NUMBER = new Intl.NumberFormat('vi-VN');
const RATING = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const DATE_TIME = new Intl.DateTimeFormat('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', dateStyle: 'short', timeStyle: 'short' });

export const formatCount = (n: number) => NUMBER.format(n);
export const formatRating = (average: number, count: number) =>
  count > 0 ? `${RATING.format(average)}/5 (${formatCount(count)} lượt đánh giá)` : 'Chưa có đánh giá';
export const formatCommentDate = (iso: string) => DATE_TIME.format(new Date(iso));

/** The CMS route that counts a download of a document and redirects to its file. */
export const documentDownloadUrl = (cmsUrl: string, documentId: string) => `${cmsUrl.replace(/\/+$/, '')}${engagementPath('download', documentId)}`;

/** One approved comment as GET listComments returns it. */
export type PublicComment = z.infer<typeof publicCommentSchema>;

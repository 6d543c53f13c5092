import { z } from 'zod';
import { toPlainText } from './text';

// Messages are Vietnamese sentences for readers; describe() puts the field name in front for
// developers and the site's script strips it again.
const text = (label: string, min: number, max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? `${label} là bắt buộc` : `${label} phải là chuỗi ký tự`) })
    .max(max * 4, `${label} quá dài (tối đa ${max} ký tự)`)
    .transform(toPlainText)
    .pipe(
      z
        .string()
        .min(min, min === 1 ? `${label} không được để trống` : `${label} phải có ít nhất ${min} ký tự`)
        .max(max, `${label} quá dài (tối đa ${max} ký tự)`)
    );

export const documentIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'mã tài liệu không hợp lệ');

const objectError = {
  error: (issue: z.core.$ZodRawIssue) =>
    issue.code === 'unrecognized_keys' ? `trường không được hỗ trợ: ${issue.keys.join(', ')}` : 'nội dung gửi lên phải là một đối tượng JSON',
};

const STARS = 'điểm đánh giá phải là số nguyên từ 1 đến 5';
export const ratingSchema = z.strictObject({ value: z.number({ error: STARS }).int(STARS).min(1, STARS).max(5, STARS) }, objectError);

export const HONEYPOT_FIELD = 'website';

export const commentSchema = z.strictObject(
  {
    name: text('Họ tên', 1, 100),
    email: z.preprocess(
      (value) => (value === '' || value === null ? undefined : value),
      z.string({ error: 'email phải là chuỗi ký tự' }).trim().max(200, 'email quá dài (tối đa 200 ký tự)').pipe(z.email('địa chỉ email không hợp lệ')).optional()
    ),
    text: text('Nội dung', 2, 2000),
    [HONEYPOT_FIELD]: z.unknown().optional(),
  },
  objectError
);

export interface FieldError {
  path: (string | number)[];
  message: string;
}

/** Strapi's ValidationError shape: a message naming the field, every problem in details.errors. */
export const describe = (error: z.ZodError): { message: string; errors: FieldError[] } => {
  const errors = error.issues.map((issue) => {
    const path = issue.code === 'unrecognized_keys' ? issue.keys : issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key));
    return { path: path as (string | number)[], message: issue.message };
  });
  const message = errors.map(({ path, message }) => `${path.length ? path.join('.') : 'body'}: ${message}`).join('; ');
  return { message, errors };
};

/**
 * Browser side of the engagement components: counts the view or visit, refreshes the numbers and
 * runs the rating and comment forms. Every failure (CMS down, CORS, timeout) is caught here, so
 * the page keeps its build-time numbers and nothing is thrown into it.
 */
import {
  commentPendingResponseSchema,
  engagementPath,
  errorResponseSchema,
  ratingResponseSchema,
  ratingSchema,
  siteStatsResponseSchema,
  viewArticleResponseSchema,
  viewDocumentResponseSchema,
  type EngagementRoute,
  type Rating,
} from '@toasoan/shared/engagement-contract';
import { formatCount, formatRating } from './format';

type Answer = { status: number; body: unknown };

const TIMEOUT_MS = 8000;

const post = async (root: HTMLElement, route: EngagementRoute, body?: unknown): Promise<Answer | undefined> => {
  const cms = (root.dataset.cms ?? '').replace(/\/$/, '');
  try {
    const res = await fetch(`${cms}${engagementPath(route, root.dataset.documentId)}`, {
      method: 'POST',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    return { status: res.status, body: await res.json().catch(() => ({})) };
  } catch {
    return undefined;
  }
};

const show = (root: HTMLElement, field: string, text: string) => {
  const el = root.querySelector<HTMLElement>(`[data-field="${field}"]`);
  if (el) el.textContent = text;
};

const say = (form: HTMLFormElement, state: 'pending' | 'ok' | 'info' | 'error', message: string) => {
  const el = form.querySelector<HTMLElement>('[data-status]');
  if (!el) return;
  el.dataset.state = state;
  el.textContent = message;
};

// The CMS names the field first ("text: …") for developers; readers only need the sentence.
const serverMessage = (answer: Answer, fallback: string) =>
  errorResponseSchema
    .safeParse(answer.body)
    .data?.error.message.split('; ')
    .map((part) => part.replace(/^[\w.]+: /, ''))
    .join(' ') || fallback;

/** The answer's body when it has the status and shape the contract promises, else undefined. */
const answerOf = <T>(answer: Answer | undefined, status: number, schema: { safeParse(body: unknown): { data?: T } }) =>
  answer?.status === status ? schema.safeParse(answer.body).data : undefined;

const showRating = (root: HTMLElement, rating?: Rating) => {
  if (rating) show(root, 'rating', formatRating(rating.ratingAverage, rating.ratingCount));
};

const startRating = (root: HTMLElement, form: HTMLFormElement) => {
  // Each star is a submit button: a click, Enter or Space on it sends that vote; there is no other button.
  const stars = [...form.querySelectorAll<HTMLButtonElement>('button[name="value"]')];
  let voted = false;
  let sending = false;
  const settle = (value: number) => {
    voted = true;
    for (const star of stars) {
      star.setAttribute('aria-disabled', 'true');
      star.toggleAttribute('data-lit', Number(star.value) <= value);
    }
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (voted) return say(form, 'info', 'Bạn đã đánh giá bài viết này. Cảm ơn bạn!');
    const value = Number((event.submitter as HTMLButtonElement | null)?.value);
    if (!value || sending) return;
    sending = true;
    say(form, 'pending', 'Đang gửi đánh giá…');
    const answer = await post(root, 'rate', { value });
    sending = false;
    if (!answer) return say(form, 'error', 'Không gửi được đánh giá lúc này, vui lòng thử lại sau.');
    const rated = answerOf(answer, 200, ratingResponseSchema);
    if (rated) {
      showRating(root, rated.data);
      settle(value);
      return say(form, 'ok', 'Cảm ơn bạn đã đánh giá!');
    }
    if (answer.status === 409) {
      showRating(root, ratingSchema.safeParse(errorResponseSchema.safeParse(answer.body).data?.error.details).data);
      settle(0);
      return say(form, 'info', 'Bạn đã đánh giá bài viết này rồi. Cảm ơn bạn!');
    }
    say(form, 'error', serverMessage(answer, 'Không gửi được đánh giá, vui lòng thử lại.'));
  });
};

const startComments = (root: HTMLElement, form: HTMLFormElement) => {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!form.reportValidity()) return;
    const button = form.querySelector<HTMLButtonElement>('button[type="submit"]');
    const data = Object.fromEntries(['name', 'email', 'text', 'website'].map((key) => [key, String(new FormData(form).get(key) ?? '')]));
    if (button) button.disabled = true;
    say(form, 'pending', 'Đang gửi ý kiến…');
    const answer = await post(root, 'postComment', data);
    if (button) button.disabled = false;
    if (!answer) return say(form, 'error', 'Không gửi được ý kiến lúc này, vui lòng thử lại sau.');
    if (answerOf(answer, 202, commentPendingResponseSchema)) {
      form.reset();
      return say(form, 'ok', 'Cảm ơn bạn! Ý kiến của bạn sẽ hiển thị sau khi được duyệt.');
    }
    say(form, 'error', serverMessage(answer, 'Không gửi được ý kiến, vui lòng thử lại.'));
  });
};

const startArticle = async (root: HTMLElement) => {
  const answer = answerOf(await post(root, 'viewArticle'), 200, viewArticleResponseSchema);
  // Forms appear only once the CMS has answered: with the CMS down there is nothing to send to.
  if (!answer) return;
  show(root, 'views', formatCount(answer.data.views));
  showRating(root, answer.data);
  const rating = root.querySelector<HTMLFormElement>('[data-form="rating"]');
  const comment = root.querySelector<HTMLFormElement>('[data-form="comment"]');
  for (const form of [rating, comment]) if (form) form.hidden = false;
  if (rating) startRating(root, rating);
  if (comment) startComments(root, comment);
};

const startDocument = async (root: HTMLElement) => {
  const answer = answerOf(await post(root, 'viewDocument'), 200, viewDocumentResponseSchema);
  if (!answer) return;
  show(root, 'views', formatCount(answer.data.views));
  show(root, 'downloads', formatCount(answer.data.downloads));
};

const startSite = async (root: HTMLElement) => {
  const answer = answerOf(await post(root, 'hit'), 200, siteStatsResponseSchema);
  if (!answer) return;
  for (const [key, value] of Object.entries(answer.data)) show(root, key, formatCount(value));
};

const STARTERS = { article: startArticle, document: startDocument, site: startSite } as const;

let started = false;
/** Called by each engagement component's script; runs once per page for all of them. */
export const startEngagement = () => {
  if (started) return;
  started = true;
  for (const root of document.querySelectorAll<HTMLElement>('[data-engagement]')) {
    const start = STARTERS[root.dataset.engagement as keyof typeof STARTERS];
    start?.(root).catch(() => undefined);
  }
};

/**
 * Browser side of the engagement components: counts the view or visit, refreshes the numbers and
 * runs the rating and comment forms. Every failure (CMS down, CORS, timeout) is caught here, so
 * the page keeps its build-time numbers and nothing is thrown into it.
 */
import { formatCount, formatRating } from './format';

type Answer = { status: number; body: { data?: Record<string, number>; error?: { message?: string; details?: Record<string, number> } } };

const TIMEOUT_MS = 8000;

const post = async (root: HTMLElement, path: string, body?: unknown): Promise<Answer | undefined> => {
  const cms = (root.dataset.cms ?? '').replace(/\/$/, '');
  try {
    const res = await fetch(`${cms}/api/engagement${path}`, {
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
  answer.body.error?.message?.split('; ').map((part) => part.replace(/^[\w.]+: /, '')).join(' ') || fallback;

const path = (root: HTMLElement, kind: 'articles' | 'documents', rest: string) => `/${kind}/${encodeURIComponent(root.dataset.documentId ?? '')}${rest}`;

const showRating = (root: HTMLElement, values?: Record<string, number>) => {
  if (values && typeof values.ratingCount === 'number') show(root, 'rating', formatRating(values.ratingAverage ?? 0, values.ratingCount));
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
    const answer = await post(root, path(root, 'articles', '/rating'), { value });
    sending = false;
    if (!answer) return say(form, 'error', 'Không gửi được đánh giá lúc này, vui lòng thử lại sau.');
    if (answer.status === 200) {
      showRating(root, answer.body.data);
      settle(value);
      return say(form, 'ok', 'Cảm ơn bạn đã đánh giá!');
    }
    if (answer.status === 409) {
      showRating(root, answer.body.error?.details);
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
    const answer = await post(root, path(root, 'articles', '/comments'), data);
    if (button) button.disabled = false;
    if (!answer) return say(form, 'error', 'Không gửi được ý kiến lúc này, vui lòng thử lại sau.');
    if (answer.status === 202) {
      form.reset();
      return say(form, 'ok', 'Cảm ơn bạn! Ý kiến của bạn sẽ hiển thị sau khi được duyệt.');
    }
    say(form, 'error', serverMessage(answer, 'Không gửi được ý kiến, vui lòng thử lại.'));
  });
};

const startArticle = async (root: HTMLElement) => {
  const answer = await post(root, path(root, 'articles', '/view'));
  // Forms appear only once the CMS has answered: with the CMS down there is nothing to send to.
  if (answer?.status !== 200) return;
  show(root, 'views', formatCount(answer.body.data?.views ?? 0));
  showRating(root, answer.body.data);
  const rating = root.querySelector<HTMLFormElement>('[data-form="rating"]');
  const comment = root.querySelector<HTMLFormElement>('[data-form="comment"]');
  for (const form of [rating, comment]) if (form) form.hidden = false;
  if (rating) startRating(root, rating);
  if (comment) startComments(root, comment);
};

const startDocument = async (root: HTMLElement) => {
  const answer = await post(root, path(root, 'documents', '/view'));
  if (answer?.status !== 200 || !answer.body.data) return;
  show(root, 'views', formatCount(answer.body.data.views ?? 0));
  show(root, 'downloads', formatCount(answer.body.data.downloads ?? 0));
};

const startSite = async (root: HTMLElement) => {
  const answer = await post(root, '/hit');
  if (answer?.status !== 200 || !answer.body.data) return;
  for (const key of ['online', 'today', 'month', 'total']) show(root, key, formatCount(answer.body.data[key] ?? 0));
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

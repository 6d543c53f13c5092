import type { ChangeSummary } from './webhook.ts';

export interface RelayTarget {
  url: string;
  token: string;
}

/** GitHub caps client_payload size; the workflow rebuilds everything anyway, so the newest changes suffice. */
const MAX_EVENTS = 50;

/** Asks GitHub Actions to rebuild (repository_dispatch) instead of building on this machine. */
export async function dispatch(target: RelayTarget, events: ChangeSummary[], fetchImpl: typeof fetch = fetch): Promise<void> {
  const response = await fetchImpl(target.url, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${target.token}`,
      accept: 'application/vnd.github+json',
      'content-type': 'application/json',
      'x-github-api-version': '2022-11-28',
      'user-agent': 'toasoan-publisher',
    },
    body: JSON.stringify({
      event_type: 'content-changed',
      client_payload: { events: events.slice(-MAX_EVENTS) },
    }),
    signal: AbortSignal.timeout(30_000),
  });
  if (!response.ok) {
    const detail = (await response.text().catch(() => '')).slice(0, 300);
    throw new Error(`dispatch to ${target.url} failed: HTTP ${response.status}${detail ? ` ${detail}` : ''}`);
  }
}

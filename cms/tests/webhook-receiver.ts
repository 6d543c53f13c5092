import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface WebhookCall {
  event: string;
  uid?: string;
  entry?: Record<string, any>;
}

/** Stands in for the rebuild service's /webhook: records what Strapi sends and lets a test wait for it. */
export const startWebhookReceiver = async (secret: string) => {
  const calls: WebhookCall[] = [];
  const waiters = new Set<() => void>();
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      if (req.headers.authorization === `Bearer ${secret}`) calls.push(JSON.parse(body));
      res.writeHead(204).end();
      for (const wake of waiters) wake();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`;
  const matching = (event: string, documentId: string) => calls.filter((call) => call.event === event && call.entry?.documentId === documentId);
  return {
    url,
    env: { REBUILD_WEBHOOK_URL: url, REBUILD_WEBHOOK_SECRET: secret },
    calls,
    matching,
    /** Resolves with the first call of that event for that entry, however long Strapi takes. */
    waitFor: (event: string, documentId: string) =>
      new Promise<WebhookCall>((resolve) => {
        const check = () => {
          const [call] = matching(event, documentId);
          if (!call) return;
          waiters.delete(check);
          resolve(call);
        };
        waiters.add(check);
        check();
      }),
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

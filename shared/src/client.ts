import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ClientError, GraphQLClient } from 'graphql-request';

export class CmsError extends Error {
  override name = 'CmsError';
}

export interface CmsClientOptions {
  /** STRAPI_URL, without /graphql. */
  url: string;
  /** Sent as "Authorization: Bearer …" when set. */
  token?: string | undefined;
  /** Attempts per request (first try included) for network errors, 5xx and 429. */
  attempts?: number;
  /** First backoff delay; doubles each retry (with jitter). */
  retryBaseMs?: number;
  /** Per-attempt timeout. */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface CmsClient {
  readonly endpoint: string;
  request<TResult, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
  ): Promise<TResult>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const operationName = (document: TypedDocumentNode<unknown, any>): string => {
  const op = document.definitions.find((d) => d.kind === 'OperationDefinition');
  return (op && 'name' in op && op.name?.value) || 'query';
};

/** Network failure cause, e.g. "ECONNREFUSED", from undici's "fetch failed". */
const networkCause = (error: unknown): string => {
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const e = current as { code?: string; message?: string; cause?: unknown; name?: string };
    if (e.code) return e.code;
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return 'timeout';
    current = e.cause;
  }
  return (error as Error)?.message ?? String(error);
};

const isRetryable = (error: unknown): boolean => {
  if (error instanceof ClientError) {
    const status = error.response.status;
    return status === 429 || status >= 500;
  }
  return true; // network errors, timeouts, non-JSON answers from a proxy
};

const describe = (error: unknown, endpoint: string, op: string, attempts: number): string => {
  if (error instanceof ClientError) {
    const status = error.response.status;
    const messages = (error.response.errors ?? []).map((e) => e.message).filter(Boolean);
    if (status === 401 || status === 403) {
      return `The CMS at ${endpoint} refused ${op} (HTTP ${status}): check STRAPI_TOKEN.${messages.length ? ` ${messages.join('; ')}` : ''}`;
    }
    if (messages.length) return `The CMS at ${endpoint} answered ${op} with errors (HTTP ${status}): ${messages.join('; ')}`;
    return `The CMS at ${endpoint} answered ${op} with HTTP ${status} after ${attempts} attempt(s)`;
  }
  return `Cannot reach the CMS at ${endpoint} for ${op} (${networkCause(error)}) after ${attempts} attempt(s): is Strapi running and STRAPI_URL right?`;
};

/** One small GraphQL client for the CMS: typed documents, bearer token, timeout, retries with backoff. */
export const createCmsClient = (options: CmsClientOptions): CmsClient => {
  const endpoint = `${options.url.replace(/\/+$/, '')}/graphql`;
  const attempts = Math.max(1, options.attempts ?? 4);
  const retryBaseMs = options.retryBaseMs ?? 500;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const headers: Record<string, string> = {};
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const client = new GraphQLClient(endpoint, { headers, ...(options.fetch ? { fetch: options.fetch } : {}) });

  return {
    endpoint,
    async request(document, variables) {
      const op = operationName(document);
      let lastError: unknown;
      for (let attempt = 1; attempt <= attempts; attempt += 1) {
        try {
          return await client.request({
            document,
            variables,
            signal: AbortSignal.timeout(timeoutMs),
          } as never);
        } catch (error) {
          lastError = error;
          if (!isRetryable(error) || attempt === attempts) break;
          const delay = retryBaseMs * 2 ** (attempt - 1);
          await sleep(delay + Math.floor(Math.random() * (delay / 4)));
        }
      }
      throw new CmsError(describe(lastError, endpoint, op, attempts), { cause: lastError });
    },
  };
};

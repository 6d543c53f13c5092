import type { TestCms } from './harness';

export interface GraphqlResult<T = any> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export const graphql = async <T = any>(
  cms: Pick<TestCms, 'url'>,
  query: string,
  variables: Record<string, unknown> = {},
  token?: string
): Promise<GraphqlResult<T>> => {
  const res = await fetch(`${cms.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, ...(await res.json()) };
};

/** Views of a published article as the site's build reads them: reading counts nothing. */
export const articleViews = async (cms: Pick<TestCms, 'url'>, documentId: string): Promise<number> => {
  const { data, errors } = await graphql(cms, 'query($id: ID!) { article(documentId: $id) { views } }', { id: documentId });
  if (errors) throw new Error(errors.map((error) => error.message).join('; '));
  return data.article.views;
};

export const rest = async (
  cms: TestCms,
  method: string,
  path: string,
  { token, body }: { token?: string; body?: unknown } = {}
) => {
  const res = await fetch(`${cms.url}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
};

/** A full-access API token, as an integrator importing content would use. */
export const createFullAccessToken = async (cms: TestCms): Promise<string> => {
  const token = await cms.strapi.service('admin::api-token').create({
    name: `import-${Date.now()}-${Math.random()}`,
    type: 'full-access',
    lifespan: null,
  });
  return token.accessKey;
};

/** An admin user with this role (e.g. "strapi-author"), signed in: its admin API token. */
export const adminTokenForRole = async (cms: TestCms, roleCode: string): Promise<string> => {
  const role = await cms.strapi.db.query('admin::role').findOne({ where: { code: roleCode } });
  const email = `${roleCode}-${Math.random().toString(36).slice(2)}@toasoan.test`;
  const password = 'Toasoan-Thu-1a';
  await cms.strapi.service('admin::user').create({ email, firstname: roleCode, password, roles: [role.id], isActive: true, registrationToken: null });
  const login = await rest(cms, 'POST', '/admin/login', { body: { email, password } });
  if (login.status !== 200) throw new Error(`sign-in as ${roleCode} failed: ${login.status}`);
  return login.body.data.token as string;
};

// Secrets have no default anywhere in code. The config files only pass them through, so that
// `strapi build` (which loads the config to build the admin panel) needs none of them; the server
// checks them when it starts (register) and stops with the name of every missing one.
export const RUNTIME_SECRETS = ['APP_KEYS', 'API_TOKEN_SALT', 'ADMIN_JWT_SECRET', 'TRANSFER_TOKEN_SALT', 'JWT_SECRET', 'ENCRYPTION_KEY', 'PREVIEW_TOKEN_SECRET'] as const;

export const assertRuntimeSecrets = (env: Record<string, string | undefined> = process.env) => {
  const missing = RUNTIME_SECRETS.filter((name) => !env[name]?.trim());
  if (missing.length) {
    throw new Error(
      `${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} not set. Run "npm start" once to generate cms/.env, or copy .env.example to cms/.env, or set them in the environment.`,
    );
  }
};

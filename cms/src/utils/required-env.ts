// Secrets have no default anywhere in code: a missing one stops the CMS with its name.
export const requiredEnv = (name: string): string => {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is not set. Run "npm start" once to generate cms/.env, or copy .env.example to cms/.env.`);
  }
  return value;
};

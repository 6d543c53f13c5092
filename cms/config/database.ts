import path from 'path';
import type { Core } from '@strapi/strapi';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const appRoot = path.join(__dirname, '..', '..');

  if (client === 'postgres') {
    const connectionString = env('DATABASE_URL');
    if (!connectionString) throw new Error('DATABASE_URL is required when DATABASE_CLIENT=postgres');
    const url = new URL(connectionString);
    return {
      connection: {
        client: 'postgres',
        connection: {
          host: url.hostname,
          port: Number(url.port || 5432),
          database: decodeURIComponent(url.pathname.slice(1)),
          user: decodeURIComponent(url.username),
          password: decodeURIComponent(url.password),
          ssl: env.bool('DATABASE_SSL', false) && { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) },
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 0), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
      },
    };
  }

  if (client !== 'sqlite') {
    throw new Error(`Unsupported DATABASE_CLIENT "${client}": use "sqlite" (default) or "postgres"`);
  }
  return {
    connection: {
      client: 'sqlite',
      connection: {
        filename: path.resolve(appRoot, env('DATABASE_FILENAME', '.tmp/data.db')),
      },
      useNullAsDefault: true,
      pool: {
        // Every counted view is a write; with the default rollback journal each one waits for two
        // disk syncs. WAL lets readers and the writer proceed together and syncs far less often.
        afterCreate: (connection: unknown, done: (error?: Error, connection?: unknown) => void) => {
          const sqlite = connection as { pragma: (sql: string) => unknown };
          sqlite.pragma('journal_mode = WAL');
          sqlite.pragma('synchronous = NORMAL');
          done(undefined, connection);
        },
      },
      acquireConnectionTimeout: env.int('DATABASE_CONNECTION_TIMEOUT', 60000),
    },
  };
};

export default config;

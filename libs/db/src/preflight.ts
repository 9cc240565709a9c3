import { AppConfig, ConfigError } from '@qingshou/core';
import Redis from 'ioredis';
import { Client } from 'pg';

async function checkPostgres(config: AppConfig): Promise<void> {
  const client = new Client({
    connectionString: config.appDatabaseUrl,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
  } catch (error) {
    const reason = (error as Error).message;
    const hint = /does not exist/.test(reason)
      ? 'run `npm run db:migrate` first (it creates the database and the app role)'
      : 'start PostgreSQL or point DATABASE_URL at a running server';
    throw new ConfigError('DATABASE_URL', `is unreachable (${reason}): ${hint}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function checkRedis(config: AppConfig): Promise<void> {
  const redis = new Redis(config.REDIS_URL, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    throw new ConfigError(
      'REDIS_URL',
      `is unreachable (${(error as Error).message || 'connection refused'}): start Redis or point REDIS_URL at a running server`,
    );
  } finally {
    redis.disconnect();
  }
}

/** Throws a ConfigError naming the first setting whose server does not answer. */
export async function checkConnections(config: AppConfig): Promise<void> {
  await checkPostgres(config);
  await checkRedis(config);
}

/**
 * Boot check for the api and worker: a missing, malformed or unreachable setting stops the
 * process with one line naming the setting and the fix, instead of a stack trace.
 */
export async function preflight(load: () => AppConfig): Promise<AppConfig> {
  try {
    const config = load();
    await checkConnections(config);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}
